import { Node } from '@tiptap/pm/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editorSchema } from '../../../../src-shared/editor-schema/extensions.js'
import type { EditorDoc, EditorNode } from '../../../../src-shared/markdown/editor-document.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'
import { adversarialPages, deepLines } from '../../../helpers/adversarial-pages.js'

/**
 * Pages written to break the editor's conversion: nesting far deeper than any
 * real page (ProseMirror and the DOM recurse once per level, so the parser must
 * stop nesting and keep the rest as source), and patterns that make a naive
 * parser rescan the text from every opener.
 */
const schema = editorSchema()

/** What opening a page in the editor does: parse, load into ProseMirror, read back. */
function throughEditor(text: string): { saved: string; editorSaved: string; doc: EditorDoc } {
  const page = openPage(text)
  const saved = savePage(page)
  const node = Node.fromJSON(schema, page.doc)
  const editorSaved = savePage({ ...page, doc: node.toJSON() as EditorDoc })
  return { saved, editorSaved, doc: page.doc }
}

/** Levels of nodes below the document (iterative: the tree may be what is being tested). */
function depth(doc: EditorNode): number {
  let deepest = 0
  const stack: [EditorNode, number][] = [[doc, 0]]
  while (stack.length) {
    const [node, level] = stack.pop()!
    deepest = Math.max(deepest, level)
    for (const child of node.content ?? []) stack.push([child, level + 1])
  }
  return deepest
}

/** Every top-level block rewritten by the serializer, as after an edit of each. */
function reserialized(text: string): string {
  const page = openPage(text)
  const content = page.doc.content.map((node) => ({ ...node, attrs: { ...node.attrs, fp: 'x' } }))
  return savePage({ ...page, doc: { ...page.doc, content } })
}

describe('deep nesting', () => {
  const deep: Record<string, string> = {
    'a 10,000-level list': '- '.repeat(10_000) + 'texte\n',
    'a 10,000-level ordered list': '1. '.repeat(10_000) + 'texte\n',
    'a 10,000-level quote': '>'.repeat(10_000) + ' texte\n',
    'a 10,000-level quote with spaces': '> '.repeat(10_000) + 'texte\n',
    'quotes and lists mixed 10,000 deep': '> - '.repeat(5_000) + 'texte\n',
    'a 10,000-level emphasis': '*_'.repeat(5_000) + 'x' + '_*'.repeat(5_000) + '\n',
    'a 10,000-level link label': '['.repeat(10_000) + 'x' + '](u)'.repeat(10_000) + '\n',
    '1,000 lines of deepening quotes': deepLines('>', 1_000, ' x'),
    '300 lines of deepening lists': deepLines('  ', 300, '- x'),
  }
  it.each(Object.entries(deep))(
    '%s opens, comes back byte for byte and fits the editor',
    (_name, text) => {
      const { saved, editorSaved, doc } = throughEditor(text)
      expect(saved).toBe(text)
      expect(editorSaved).toBe(text)
      // Shallow enough for ProseMirror's and the DOM's recursion.
      expect(depth(doc)).toBeLessThan(300)
      expect(reserialized(text)).toBe(text)
    },
  )

  it('keeps what is beyond the limit as source, with its exact text', () => {
    const text = '> '.repeat(500) + 'texte'
    const { doc } = throughEditor(text)
    let node: EditorNode = doc
    while (node.content?.length === 1 && node.type !== 'sourceBlock') node = node.content[0]!
    expect(node.type).toBe('sourceBlock')
    expect(text.endsWith(String(node.attrs?.source))).toBe(true)
  })

  it('leaves real nesting (a few levels) modelled', () => {
    const { doc } = throughEditor('- a\n  - b\n    > c\n    > - d\n')
    expect(JSON.stringify(doc)).not.toContain('sourceBlock')
  })
})

/** Markdown's metacharacters, weighted so that openers far outnumber closers. */
const metaText = fc
  .array(
    fc.constantFrom(
      '[',
      '[',
      '![',
      ']',
      '(',
      ')',
      '*',
      '**',
      '_',
      '__',
      '`',
      '``',
      '<',
      '>',
      '> ',
      '- ',
      '1. ',
      '{',
      '{{',
      '{%',
      '%}',
      '}}',
      '{:',
      '}',
      '[^',
      '$$',
      '\\',
      '!',
      '#',
      '|',
      ':',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      '\r\n',
      'a',
      'é',
      'http://x',
      '<a href="',
      '<!--',
      '-->',
      '](u)',
      ']: /u',
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(''))

/** Lines nested by a random mix of quote and list markers, some far past any real page. */
const nestedText = fc
  .array(
    fc.tuple(
      fc.array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '  ', '    '), { maxLength: 250 }),
      fc.constantFrom('texte', '*a* [b](c)', '', '```', '<div>', '{% if x %}'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => lines.map(([prefixes, text]) => prefixes.join('') + text).join('\n'))

describe('hostile text, as properties', () => {
  it.each([
    ['metacharacters', metaText],
    ['deep nesting', nestedText],
  ] as const)('%s: never throws, round-trips, loads into the editor schema', (_name, text) => {
    fc.assert(
      fc.property(text, (page) => {
        const { saved, doc } = throughEditor(page)
        expect(saved).toBe(page)
        expect(depth(doc)).toBeLessThan(300)
        expect(reserialized(page)).toBeTypeOf('string')
      }),
      { numRuns: 400 },
    )
  })
})

// Their time per repetition at growing n is in `npm run bench` (no clock in a unit test).
describe('adversarial pages', () => {
  it.each(Object.entries(adversarialPages))(
    '%s: round-trips and loads into the editor',
    (_name, make) => {
      const page = make(2_000)
      const { saved, doc } = throughEditor(page)
      expect(saved).toBe(page)
      expect(depth(doc)).toBeLessThan(300)
    },
  )
})
