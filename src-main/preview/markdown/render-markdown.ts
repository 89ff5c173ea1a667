/**
 * Markdown → HTML exactly as Jekyll 4.3 renders a page body with kramdown
 * 2.4 and kramdown-parser-gfm 1.1 (`input: GFM`, the default) or kramdown's
 * own parser (`input: kramdown`), so the offline preview matches the site.
 *
 * The parser is a port of kramdown's (block-parser.ts, span-parser.ts), the
 * writer a port of its HTML converter (html-writer.ts); see code-block.ts for
 * how far code highlighting goes.
 */
import { BlockParser } from './block-parser.js'
import { HtmlWriter } from './html-writer.js'

export interface KramdownOptions {
  input: 'GFM' | 'kramdown'
  autoIds: boolean
  hardWrap: boolean
  /** Entity names, e.g. ['lsquo', 'rsquo', 'ldquo', 'rdquo']. */
  smartQuotes: [string, string, string, string]
}

/** Jekyll 4.3's `kramdown:` defaults (Jekyll::Configuration::DEFAULTS). */
export const JEKYLL_DEFAULTS: KramdownOptions = Object.freeze({
  input: 'GFM',
  autoIds: true,
  hardWrap: false,
  smartQuotes: ['lsquo', 'rsquo', 'ldquo', 'rdquo'],
}) as KramdownOptions

function toBoolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value
  if (value === 'true') return true
  if (value === 'false') return false
  return fallback
}

/** `kramdown:` options of a site's _config.yml (keys input, auto_ids, hard_wrap, smart_quotes) over Jekyll's defaults. */
export function kramdownOptions(config: Record<string, unknown> | undefined): KramdownOptions {
  const options: KramdownOptions = {
    ...JEKYLL_DEFAULTS,
    smartQuotes: [...JEKYLL_DEFAULTS.smartQuotes],
  }
  if (!config) return options
  const input = config.input
  // Jekyll upcases the first letter and looks for a parser class of that name: `kramdown` and
  // `Kramdown` give kramdown's parser (`KRAMDOWN` none: Jekyll refuses it, the preview uses GFM).
  if (typeof input === 'string') options.input = /^[kK]ramdown$/.test(input) ? 'kramdown' : 'GFM'
  options.autoIds = toBoolean(config.auto_ids, options.autoIds)
  options.hardWrap = toBoolean(config.hard_wrap, options.hardWrap)
  const quotes = config.smart_quotes
  const list = Array.isArray(quotes)
    ? quotes.map(String)
    : typeof quotes === 'string'
      ? quotes.split(',').map((q) => q.trim())
      : null
  if (list && list.length === 4) options.smartQuotes = list as [string, string, string, string]
  return options
}

export function renderMarkdown(text: string, options: KramdownOptions = JEKYLL_DEFAULTS): string {
  const parser = new BlockParser({
    gfm: options.input === 'GFM',
    autoIds: options.autoIds,
    hardWrap: options.hardWrap,
    parseBlockHtml: false,
    parseSpanHtml: true,
  })
  const root = parser.parse(text)
  const writer = new HtmlWriter(
    { root, abbrevDefs: parser.abbrevDefs, abbrevAttrs: parser.abbrevAttrs },
    // `{::options auto_ids="false" /}` anywhere applies to the whole page, as in kramdown.
    { autoIds: parser.options.autoIds, smartQuotes: options.smartQuotes },
  )
  return writer.render()
}
