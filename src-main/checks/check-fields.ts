import type { SiteProblem } from '../../src-shared/api/types.js'
import { fileStem, resolveReference } from '../links/resolve-reference.js'
import { closest } from './closest.js'
import { referenceText, type CheckContext, type PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

/** A setting that names another page (`theme: acces-information`) naming none of its collection. */
export function checkFields(context: CheckContext, page: PageUnderCheck): SiteProblem[] {
  const fields = page.doc.collection === null ? undefined : context.fields.get(page.doc.collection)
  if (!fields) return []
  const problems: SiteProblem[] = []
  for (const reference of page.references) {
    if (reference.kind !== 'field') continue
    const field = fields.find((candidate) => candidate.name === reference.field)
    if (!field) continue
    if (
      resolveReference(context.index, page.path, reference, { collection: field.collection }) !==
      null
    )
      continue
    const names = context.index.site.documents
      .filter((doc) => doc.collection === field.collection)
      .map((doc) => fileStem(doc.relativePath))
    problems.push(
      siteProblem(
        'field',
        { path: page.path, line: reference.line, text: referenceText(page, reference) },
        { field: field.name, target: reference.target, collection: field.collection },
        closest(reference.target, names),
      ),
    )
  }
  return problems
}
