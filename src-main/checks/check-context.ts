import type { Liquid } from 'liquidjs'
import type { ContentTypes } from '../../src-shared/content-types/content-types.js'
import type { PageReference } from '../links/page-references.js'
import type { LinkIndex } from '../links/resolve-reference.js'
import { createLiquid } from '../preview/liquid-engine.js'
import type { SiteDocument } from '../preview/site-model.js'
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
}

/** The words of a reference's line to select when its problem is opened. */
export function referenceText(page: PageUnderCheck, reference: PageReference): string {
  return (
    page.text.slice(reference.start, reference.end) ||
    (reference.anchor ? `#${reference.anchor}` : '')
  )
}
