import type { SiteProblem } from '../../src-shared/api/types.js'
import type { PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

/** Settings Jekyll cannot read: it publishes the page without them (no layout, no title). */
export function checkFrontMatter(page: Pick<PageUnderCheck, 'path' | 'read'>): SiteProblem[] {
  const { read } = page.read
  if (read.kind !== 'problem') return []
  return [
    siteProblem(
      'front-matter',
      { path: page.path, line: read.problem.line ?? 1, text: '' },
      { reason: read.problem.code },
    ),
  ]
}
