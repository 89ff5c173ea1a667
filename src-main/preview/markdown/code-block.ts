/**
 * Code as Jekyll's kramdown writes it with Rouge (syntax_highlighter rouge,
 * default_lang plaintext, guess_lang true): a language Rouge knows gets
 * Rouge's wrapper elements; an unknown one a bare `<pre><code>`.
 *
 * No token-level highlighting is done: for `plaintext` (and indented code,
 * which defaults to it) the output is exactly Rouge's; for other known
 * languages the wrapper and classes are exact but Rouge's `<span class="…">`
 * token spans are missing.
 */
import { ROUGE_LEXERS } from './rouge-lexers.js'

/** Rouge's HTML formatter escapes only these three. */
export function escapeCode(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/**
 * The Rouge lexer for a fence's language (`ruby`, `ruby?opt=1`), or null when
 * Rouge has none (then kramdown does not highlight).
 */
export function rougeLexer(lang: string): string | null {
  const name = lang.split('?')[0]!
  if (name === 'guess') return 'plaintext'
  return ROUGE_LEXERS.has(name) ? name : null
}

/** The highlighted block, as Rouge's HTMLLegacy formatter wraps it. */
export function highlightBlock(code: string): string {
  return `<div class="highlight"><pre class="highlight"><code>${escapeCode(code)}</code></pre></div>`
}
