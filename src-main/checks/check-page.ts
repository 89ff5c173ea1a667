import type { SiteProblem } from '../../src-shared/api/types.js'
import { readPageText } from '../site/front-matter.js'
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
    read: readPageText(text),
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

/** One page, as typed in the editor: its own problems and an address it shares with another. */
export function checkOnePage(context: CheckContext, path: string, text: string): SiteProblem[] {
  return [
    ...checkPageText(context, path, text),
    ...checkAddresses(context.index, new Set([path])),
  ].sort(compareProblems)
}
