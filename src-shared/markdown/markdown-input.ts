/** The site's `kramdown.input`: Jekyll's default GFM (kramdown-parser-gfm) or kramdown's own parser. */
export type MarkdownInput = 'GFM' | 'kramdown'

/**
 * `kramdown.input` of a site's `_config.yml` as Jekyll reads it: it upcases the
 * first letter and looks for a parser class of that name, so `kramdown` and
 * `Kramdown` give kramdown's parser; anything else (or nothing) is GFM, as the
 * preview's `kramdownOptions` does.
 */
export function markdownInputOf(config: unknown): MarkdownInput {
  const kramdown =
    typeof config === 'object' && config !== null
      ? (config as Record<string, unknown>).kramdown
      : undefined
  const input =
    typeof kramdown === 'object' && kramdown !== null
      ? (kramdown as Record<string, unknown>).input
      : undefined
  return typeof input === 'string' && /^[kK]ramdown$/.test(input) ? 'kramdown' : 'GFM'
}
