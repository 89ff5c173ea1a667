import type { SiteProblem } from '../../src-shared/api/types.js'
import { resolveReference } from '../links/resolve-reference.js'
import { closest } from './closest.js'
import { referenceText, type CheckContext, type PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

/** `{% include %}` of no file of `_includes/` and `{% include_relative %}` of no file: the build stops. */
export function checkIncludes(context: CheckContext, page: PageUnderCheck): SiteProblem[] {
  if (!page.liquid) return []
  const problems: SiteProblem[] = []
  for (const reference of page.references) {
    if (reference.kind !== 'include' && reference.kind !== 'include-relative') continue
    if (resolveReference(context.index, page.path, reference) !== null) continue
    const place = { path: page.path, line: reference.line, text: referenceText(page, reference) }
    const suggestion =
      reference.kind === 'include' ? closest(reference.target, context.index.includes) : null
    problems.push(siteProblem('include', place, { target: reference.target }, suggestion))
  }
  return problems
}
