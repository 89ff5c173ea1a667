import type { SiteProblem } from '../../src-shared/api/types.js'
import { readPageText } from '../site/front-matter.js'
import type { PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

/** Settings Jekyll cannot read: it publishes the page without them (no layout, no title). */
export function checkFrontMatter(page: Pick<PageUnderCheck, 'path' | 'text'>): SiteProblem[] {
  const { read } = readPageText(page.text)
  if (read.kind !== 'problem') return []
  return [
    siteProblem(
      'front-matter',
      { path: page.path, line: read.problem.line ?? 1, text: '' },
      { reason: read.problem.code },
    ),
  ]
}
