import type { SiteProblem } from '../../src-shared/api/types.js'
import type { LinkIndex } from '../links/resolve-reference.js'
import { siteProblem } from './site-problem.js'

/**
 * Two pages (or a page and a file) written to the same file of the published site: Jekyll
 * warns « Conflict » and keeps one. Reported on each page involved, naming the other.
 */
export function checkAddresses(index: LinkIndex, only?: ReadonlySet<string>): SiteProblem[] {
  const byOutput = new Map<string, string[]>()
  const add = (output: string | null, path: string) => {
    if (output === null) return
    byOutput.set(output, [...(byOutput.get(output) ?? []), path])
  }
  for (const doc of index.site.documents) add(doc.output, doc.relativePath)
  for (const file of index.site.staticFiles)
    if (file.root === index.site.root) add(file.output, file.relativePath)
  const problems: SiteProblem[] = []
  for (const [output, paths] of byOutput) {
    if (paths.length < 2) continue
    for (const path of paths) {
      if (!index.documents.has(path) || (only && !only.has(path))) continue
      const other = paths.find((candidate) => candidate !== path)!
      problems.push(
        siteProblem('same-address', { path, line: 1, text: '' }, { other, address: `/${output}` }),
      )
    }
  }
  return problems
}
