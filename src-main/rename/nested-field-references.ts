import { isScalar } from 'yaml'
import { parseYamlDocument } from '../../src-shared/front-matter/yaml-gate.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import type { PageReference } from '../links/page-references.js'

/**
 * The values of reference fields declared inside a group (`hero.theme`), which the page
 * scan leaves out (it reads top-level settings only): each as a `field` reference named by
 * its dotted path, with the exact span of its value in the file. A value written with
 * escapes is left out, as its span is not its text.
 */
export function nestedFieldReferences(
  text: string,
  paths: readonly (readonly string[])[],
): PageReference[] {
  const nested = paths.filter((path) => path.length > 1)
  const split = splitFrontMatter(text)
  if (nested.length === 0 || split.kind !== 'yaml') return []
  const yamlStart = split.bodyStart - split.close.length - split.yaml.length
  const document = parseYamlDocument(split.yaml, { uniqueKeys: false })
  if (document.errors.length > 0) return []
  const found: PageReference[] = []
  for (const path of nested) {
    const node = document.getIn(path, true)
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
    const start = yamlStart + node.range[0] + (quoted ? 1 : 0)
    const end = yamlStart + node.range[1] - (quoted ? 1 : 0)
    if (node.value === '' || text.slice(start, end) !== node.value) continue
    found.push({
      kind: 'field',
      line: text.slice(0, start).split('\n').length,
      start,
      end,
      target: node.value,
      field: path.join('.'),
    })
  }
  return found
}
