import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprint, type EditorNode } from '../../../../src-shared/markdown/editor-document.js'
import { openPage } from '../../../../src-shared/markdown/page-document.js'

/**
 * The fingerprint as first written, building the canonical form's pieces as
 * strings. The fast walk must give the same value for every node: a document
 * fingerprinted by one and checked by the other (an older crash journal) must
 * still find its untouched blocks untouched.
 */
function referenceFingerprint(node: EditorNode): string {
  let hash = 0x811c9dc5
  let length = 0
  const mix = (text: string) => {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index)
      hash = Math.imul(hash, 0x01000193)
    }
    length += text.length
  }
  const isEmpty = (value: unknown): boolean => {
    if (value === null || value === undefined) return true
    if (Array.isArray(value)) return value.length === 0
    if (typeof value === 'object') return Object.values(value as object).every(isEmpty)
    return false
  }
  const byType = (a: unknown, b: unknown) => {
    const left = String((a as { type?: unknown }).type)
    const right = String((b as { type?: unknown }).type)
    return left < right ? -1 : left > right ? 1 : 0
  }
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      mix('[')
      for (const item of key === 'marks' ? [...value].sort(byType) : value) {
        if (isEmpty(item)) mix('null')
        else walk(item, '')
        mix(',')
      }
      mix(']')
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>
      mix('{')
      for (const name of Object.keys(record).sort()) {
        if (isEmpty(record[name])) continue
        mix(name)
        mix(':')
        walk(record[name], name)
        mix(',')
      }
      mix('}')
    } else mix(typeof value === 'string' ? `"${value}` : `${typeof value}:${String(value)}`)
  }
  const { src: _src, fp: _fp, ...attrs } = node.attrs ?? {}
  walk({ ...node, attrs }, '')
  return `${(hash >>> 0).toString(36)}:${length}`
}

const key = fc.constantFrom(
  'type',
  'text',
  'attrs',
  'marks',
  'content',
  'src',
  'fp',
  'href',
  'Z',
  'é',
)
const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
)
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}))
const mark = fc.record({
  type: fc.constantFrom('bold', 'italic', 'code', 'link'),
  attrs: fc.option(fc.dictionary(key, scalar, { maxKeys: 2 }), { nil: undefined }),
})
const node = fc.record(
  {
    type: fc.constantFrom('paragraph', 'text', 'image', 'sourceBlock'),
    attrs: fc.dictionary(key, value, { maxKeys: 4 }),
    marks: fc.array(mark, { maxLength: 3 }),
    content: fc.array(fc.dictionary(key, value, { maxKeys: 3 }), { maxLength: 3 }),
    text: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: ['type'] },
) as fc.Arbitrary<EditorNode>

describe('fingerprint', () => {
  it('is the canonical form’s hash as first written, for any node', () => {
    fc.assert(
      fc.property(node, (tree) => {
        // A `marks` list of non-objects throws in both (no node has one).
        const outcome = (hash: (node: EditorNode) => string) => {
          try {
            return hash(tree)
          } catch (error) {
            return (error as Error).constructor.name
          }
        }
        expect(outcome(fingerprint)).toBe(outcome(referenceFingerprint))
      }),
      { numRuns: 3000 },
    )
  })

  it('is the same for the blocks of a parsed page', () => {
    const page =
      '# Titre {#t}\n\nDu **gras**, de l’*italique* et un [lien](https://example.org "t").\n\n' +
      '* un\n* deux\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n![carte](/c.png)\n\n{% include x.html %}\n'
    for (const block of openPage(page).doc.content)
      expect(fingerprint(block)).toBe(referenceFingerprint(block))
  })
})
