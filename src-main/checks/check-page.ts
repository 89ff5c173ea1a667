import type { SiteProblem } from '../../src-shared/api/types.js'
import { readPageText, type PageText } from '../site/front-matter.js'
import type { SiteDocument } from '../preview/site-model.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { findReferences, type PageReference } from '../links/page-references.js'
import { checkAddresses } from './check-addresses.js'
import { checkAnchors } from './check-anchors.js'
import type { CheckContext, PageUnderCheck } from './check-context.js'
import { checkFields } from './check-fields.js'
import { checkFrontMatter } from './check-front-matter.js'
import { checkIncludes } from './check-includes.js'
import { checkLinks } from './check-links.js'
import { checkLiquid } from './check-liquid.js'
import { checkSections } from './check-sections.js'
import { compareProblems } from './site-problem.js'

/** Everything a page's own text can get wrong (the same address as another page is site-wide). */
export function checkPageText(
  context: CheckContext,
  path: string,
  text: string,
  references: PageReference[] = findReferences(text),
  /** The text is the file the site was just read from (not the editor's). */
  fromDisk = false,
): SiteProblem[] {
  const doc = context.index.documents.get(path)
  // Only what Jekyll renders is checked: layouts and includes are checked through their pages.
  if (!doc) return []
  const page: PageUnderCheck = {
    path,
    text,
    doc,
    references,
    liquid: doc.data.render_with_liquid !== false,
    read: fromDisk && hasOwnSettings(doc) ? splitOnly(text, doc) : readPageText(text),
  }
  return [
    ...checkFrontMatter(page),
    ...checkLiquid(context, page),
    ...checkLinks(context, page),
    ...checkIncludes(context, page),
    ...checkAnchors(context, page),
    ...checkFields(context, page),
    ...checkSections(context, page),
  ]
}

/**
 * Settings of its own in the site model: the file's YAML was read without a problem (a page
 * whose YAML cannot be read has none), so it need not be parsed again, a check of every page
 * would spend most of its time there.
 */
function hasOwnSettings(doc: SiteDocument): boolean {
  return Object.keys(doc.data).some(
    (key) => !(key in doc.defaults) || doc.data[key] !== doc.defaults[key],
  )
}

/** The body of a page whose settings are known good, split without reading them. */
function splitOnly(text: string, doc: SiteDocument): PageText {
  const split = splitFrontMatter(text)
  if (split.kind !== 'yaml') return readPageText(text)
  return {
    read: { kind: 'data', data: doc.data },
    body: text.slice(split.bodyStart),
    bodyLine: text.slice(0, split.bodyStart).split('\n').length,
  }
}

/** One page, as typed in the editor: its own problems and an address it shares with another. */
export function checkOnePage(context: CheckContext, path: string, text: string): SiteProblem[] {
  return [
    ...checkPageText(context, path, text),
    ...checkAddresses(context.index, new Set([path])),
  ].sort(compareProblems)
}
