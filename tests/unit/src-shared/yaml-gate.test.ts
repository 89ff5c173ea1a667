import { describe, expect, it } from 'vitest'
import { dataReferences } from '../../../src-main/rename/data-references.js'
import { nestedFieldReferences } from '../../../src-main/rename/nested-field-references.js'
import { comparePages } from '../../../src-shared/diff/page-comparison.js'
import {
  getField,
  removeField,
  setField,
} from '../../../src-shared/front-matter/front-matter-edit.js'
import { splitPage } from '../../../src-shared/markdown/page-document.js'

/**
 * Every reader of a page's or a data file's YAML, fed nesting a hostile file could hold.
 * Unguarded, the yaml package recurses once per level: 5,000 `[` overflow the stack, and
 * an overflow inside V8's regular-expression compiler ends the whole process. Each reader
 * must answer as for broken YAML, in bounded time.
 */
const deep = (n: number) => `title: ${'['.repeat(n)}${']'.repeat(n)}\n`
const blockDeep = (n: number) =>
  Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' fin\n'

const readers: [string, (yaml: string) => unknown][] = [
  ['the editor opening a page', (yaml) => splitPage(`---\n${yaml}---\ntexte\n`).frontMatter.kind],
  ['the settings form reading a field', (yaml) => safely(() => getField(yaml, ['title']))],
  ['the settings form setting a field', (yaml) => safely(() => setField(yaml, ['titre'], 'x'))],
  ['the settings form removing a field', (yaml) => safely(() => removeField(yaml, ['title']))],
  ['the rendered diff', (yaml) => comparePages(`---\n${yaml}---\na\n`, '---\ntitle: b\n---\nb\n')],
  ['a rename reading a data file', (yaml) => dataReferences(yaml)],
  [
    'a rename reading nested fields',
    (yaml) => nestedFieldReferences(`---\n${yaml}---\n`, [['hero', 'title']]),
  ],
]

/** An error the caller is built to catch is an answer; a RangeError is the crash. */
function safely(read: () => unknown): unknown {
  try {
    return read()
  } catch (error) {
    if (error instanceof RangeError) throw error
    return 'refused'
  }
}

describe('YAML readers behind the nesting gate', () => {
  it.each(readers)('%s survives nesting a hostile page could hold', (_, read) => {
    // Where the stack runs out depends on how deep the caller already is: several depths.
    for (const yaml of [...[1000, 3000, 5000, 20000].map(deep), blockDeep(3000)]) {
      const started = performance.now()
      expect(() => read(yaml)).not.toThrow()
      expect(performance.now() - started).toBeLessThan(2000)
    }
  })

  it('the editor shows such a page’s settings as source, never rewritten', () => {
    expect(splitPage(`---\n${deep(5000)}---\ntexte\n`).frontMatter).toMatchObject({
      kind: 'read-only',
      reason: 'yaml-error',
    })
    expect(splitPage('---\ntitle: [[a]]\n---\ntexte\n').frontMatter.kind).toBe('yaml')
  })
})
