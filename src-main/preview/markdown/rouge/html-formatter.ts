/**
 * Rouge's HTML formatter (lib/rouge/formatters/html.rb): each token's text
 * with `&`, `<`, `>` escaped, in a `<span>` of the token's class — bare for
 * `Text`.
 */
import { SHORTNAMES, type Token } from './token.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

export function escapeSpecialHtmlChars(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]!)
}

export function formatHtml(tokens: Iterable<readonly [Token, string]>): string {
  let out = ''
  for (const [token, value] of tokens) {
    const safe = escapeSpecialHtmlChars(value)
    out += token === 'Text' ? safe : `<span class="${SHORTNAMES[token]}">${safe}</span>`
  }
  return out
}
