/** HTML attribute parsing as kramdown does it (parse_html_attributes). */
import { HTML_ATTRIBUTE_RE, global } from './patterns.js'

const ATTRIBUTE = global(HTML_ATTRIBUTE_RE, 'u')

/**
 * Attributes of a start tag, in order; names are lower-cased for elements
 * kramdown knows. A bare attribute gets the empty string.
 */
export function parseHtmlAttributes(str: string, inHtmlTag: boolean): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of str.matchAll(ATTRIBUTE)) {
    let name = m[1]!
    if (inHtmlTag) name = name.toLowerCase()
    attrs[name] = m[2] ?? m[4] ?? ''
  }
  return attrs
}
