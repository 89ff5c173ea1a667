import type { Liquid } from 'liquidjs'
import type { ContentTypes } from '../../src-shared/content-types/content-types.js'
import type { PageReference } from '../links/page-references.js'
import type { LinkIndex } from '../links/resolve-reference.js'
import { createLiquid } from '../preview/liquid-engine.js'
import type { SiteDocument } from '../preview/site-model.js'
import type { PageText } from '../site/front-matter.js'
import { HeadingIdCache } from './heading-ids.js'
import { referenceFields, type ReferenceField } from './reference-fields.js'

/** What every check of one site read shares: the site's index, its forms, caches. */
export interface CheckContext {
  index: LinkIndex
  types: ContentTypes | null
  /** Reference fields by the collection whose pages carry them. */
  fields: Map<string, ReferenceField[]>
  headings: HeadingIdCache
  /** LiquidJS as the preview sets it up (Jekyll's tags), to parse pages as `jekyll build` would. */
  liquid: Liquid
}

export function createCheckContext(index: LinkIndex, types: ContentTypes | null): CheckContext {
  return {
    index,
    types,
    fields: referenceFields(types, index),
    headings: new HeadingIdCache(index.site.config.kramdown),
    liquid: createLiquid(index.site, { markdownify: (text) => text }),
  }
}

/** One page being checked: its text as saved, or as typed in the editor. */
export interface PageUnderCheck {
  path: string
  text: string
  /** What Jekyll makes of the file (its address, whether Markdown); null when it renders none. */
  doc: SiteDocument
  references: PageReference[]
  /** Liquid runs on it (`render_with_liquid: false` turns it off). */
  liquid: boolean
  /** Its text split and its settings read once, for every check. */
  read: PageText
}

/** What comes between a Markdown link's `](` and its target: `<`, `{% link `, `{{ site.baseurl }}`… */
const LINK_OPENING =
  /\]\([ \t]*<?(?:\{%-?\s*(?:link|post_url)\s+|\{\{-?\s*site\.baseurl\s*-?\}\}|\{\{-?\s*["'])?$/

/**
 * The words of a reference's line to select when its problem is opened, as the editor shows
 * them: a Markdown link's text (its address is not shown), else the target as written.
 */
export function referenceText(page: PageUnderCheck, reference: PageReference): string {
  const lineStart = page.text.lastIndexOf('\n', reference.start - 1) + 1
  const before = page.text.slice(lineStart, reference.start)
  // An image shows no text of its own: its address is the clue.
  const opening = reference.kind === 'image' ? null : LINK_OPENING.exec(before)
  if (opening) {
    const label = linkLabel(before, opening.index)
    // Emphasis marks and code ticks are not shown: the words are.
    const shown = label?.replace(/[*`]/g, '').trim()
    if (shown) return shown
  }
  return (
    page.text.slice(reference.start, reference.end) ||
    (reference.anchor ? `#${reference.anchor}` : '')
  )
}

/** The text between the `[` and the `]` at `close`, brackets nested; null when none. */
function linkLabel(line: string, close: number): string | null {
  let depth = 0
  for (let at = close - 1; at >= 0; at--) {
    const char = line[at]
    if (char === ']') depth++
    else if (char === '[') {
      if (depth === 0) return line.slice(at + 1, close)
      depth--
    }
  }
  return null
}
