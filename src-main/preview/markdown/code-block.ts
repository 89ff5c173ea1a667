/**
 * Code as Jekyll's kramdown writes it with Rouge (syntax_highlighter rouge,
 * default_lang plaintext, guess_lang true): a language Rouge knows gets
 * Rouge's wrapper elements; an unknown one a bare `<pre><code>`, as kramdown
 * does when `Rouge::Lexer.find` has no lexer for it.
 *
 * Inside the wrapper, code in a language whose lexer is ported (rouge/index.ts:
 * plain text, YAML, JSON, HTML, XML, shell, JavaScript, CSS, Markdown,
 * Liquid) gets Rouge's token spans exactly; other languages Rouge knows (Ruby…)
 * are written escaped, without spans.
 */
import { escapeSpecialHtmlChars } from './rouge/html-formatter.js'
import { highlightTokens } from './rouge/index.js'
import { ROUGE_LEXERS } from './rouge-lexers.js'

/** Rouge's HTML formatter escapes only these three. */
export const escapeCode = escapeSpecialHtmlChars

/**
 * The Rouge lexer for a fence's language (`ruby`, `ruby?opt=1`), or null when
 * Rouge has none (then kramdown does not highlight).
 */
export function rougeLexer(lang: string): string | null {
  const name = lang.split('?')[0]!
  if (name === 'guess') return 'plaintext'
  return ROUGE_LEXERS.has(name) ? name : null
}

/** The code as Rouge's HTML formatter writes it: token spans when the lexer is ported. */
export function highlightCode(code: string, lexer: string): string {
  return highlightTokens(code, lexer) ?? escapeCode(code)
}

/** The highlighted block, as Rouge's HTMLLegacy formatter wraps it. */
export function highlightBlock(code: string, lexer: string): string {
  return `<div class="highlight"><pre class="highlight"><code>${highlightCode(code, lexer)}</code></pre></div>`
}
