import { isScalar, visit } from 'yaml'
import { parseYamlDocument } from '../../src-shared/front-matter/yaml-gate.js'
import type { PageReference } from '../links/page-references.js'

/**
 * The references a data file (`_data/navigation.yml`) makes to pages: the string values
 * that are a site address (`url: /themes/acces-information/`, anchor split off) or a page's
 * path (`page: _themes/acces-information.md`), at any depth, with their exact span so a rename
 * rewrites them where they stand. A value written with escapes is left out: its span is not
 * its text. Values Jekyll would read as anything but an address are not links at all.
 */
export function dataReferences(text: string): PageReference[] {
  const document = parseYamlDocument(text, { uniqueKeys: false })
  if (document.errors.length > 0) return []
  const found: PageReference[] = []
  visit(document, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      const start = node.range[0] + (quoted ? 1 : 0)
      const end = node.range[1] - (quoted ? 1 : 0)
      if (text.slice(start, end) !== node.value) return
      const reference = asReference(node.value, start)
      if (reference) found.push({ ...reference, line: lineOf(text, reference.start) })
    },
  })
  return found
}

function asReference(value: string, start: number): Omit<PageReference, 'line'> | null {
  if (/\s|\{\{|\{%/.test(value)) return null
  if (value.startsWith('/') && !value.startsWith('//')) {
    const hash = value.indexOf('#')
    const target = hash === -1 ? value : value.slice(0, hash)
    return {
      kind: 'markdown-link',
      start,
      end: start + target.length,
      target,
      ...(hash === -1 ? {} : { anchor: value.slice(hash + 1) }),
    }
  }
  if (/\.(md|markdown|html)$/i.test(value) && !/^[a-z][a-z0-9+.-]*:/i.test(value))
    return { kind: 'link-tag', start, end: start + value.length, target: value }
  return null
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1))
    line++
  return line
}
