import { Editor } from '@tiptap/core'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { editorDocJson } from '../../../../src-renderer/editor/editor-json.js'
import { editorExtensions } from '../../../../src-shared/editor-schema/extensions.js'
import type { EditorDoc } from '../../../../src-shared/markdown/editor-document.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()))

const block = fc.constantFrom(
  'Un **paragraphe** avec [un lien](https://example.org) et du `code`.',
  'Titre\n=====',
  '## Sous-titre {#sous-titre}',
  '* un\n* deux _souligné_\n  * trois',
  '1. un\n2. deux\n\n   suite du deux',
  '> Une citation\n> sur deux lignes.',
  '| Pays | Loi |\n|---|---:|\n| Bénin | 2015 |',
  '```ruby\nputs "ok"\n```',
  '{% include figure.html image="/c.png" %}',
  '![carte](/uploads/carte.png "La carte")',
  'Texte_avec_soulignés, *emphase* et **gras**\nsur deux lignes.',
)
const page = fc
  .array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n\n')), { minLength: 1, maxLength: 6 })
  .map((blocks) => blocks.map(([text, gap]) => text + gap).join(''))
const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'undo'),
  at: fc.nat(),
  size: fc.integer({ min: 1, max: 6 }),
})

/** Positions inside text blocks, where typing goes. */
function textPositions(editor: Editor): number[] {
  const positions: number[] = []
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock) for (let at = 1; at <= node.content.size; at++) positions.push(pos + at)
  })
  return positions
}

describe('the editor’s document read block by block', () => {
  it('saves as its whole JSON does, through typing, deleting and undoing, each block converted once per node', () => {
    fc.assert(
      fc.property(page, fc.array(edit, { maxLength: 6 }), (text, edits) => {
        const model = openPage(text)
        const editor = new Editor({
          element: null,
          extensions: editorExtensions(),
          content: model.doc,
        })
        editors.push(editor)
        // The whole document converted at each read, every block fingerprinted at each save.
        const whole = () => savePage({ ...model, doc: editor.getJSON() as EditorDoc })
        const byBlock = () => savePage({ ...model, doc: editorDocJson(editor.state.doc) })
        expect(editorDocJson(editor.state.doc)).toEqual(editor.getJSON())
        expect(byBlock()).toBe(text)
        for (const change of edits) {
          const before = editor.state.doc
          const read = editorDocJson(before)
          const positions = textPositions(editor)
          if (change.kind === 'undo') editor.commands.undo()
          else if (positions.length === 0) continue
          else
            editor.commands.command(({ tr }) => {
              const from = positions[change.at % positions.length]!
              if (change.kind === 'insert') tr.insertText(' modifié', from)
              else tr.delete(from, Math.min(from + change.size, tr.doc.resolve(from).end()))
              return true
            })
          const after = editor.state.doc
          expect(byBlock()).toBe(whole())
          expect(editorDocJson(after)).toEqual(editor.getJSON())
          // A block the edit left alone is the same JSON, not converted or hashed again.
          const again = editorDocJson(after)
          after.forEach((child, _, index) => {
            const same = before.childCount > index && before.child(index) === child
            if (same) expect(again.content[index]).toBe(read.content[index])
          })
        }
      }),
      { numRuns: 150 },
    )
  })

  it('a block still as opened is written from its source, frozen, without being hashed again', () => {
    const text = 'Un **paragraphe**.\n\n* un\n* deux\n'
    const model = openPage(text)
    const editor = new Editor({ element: null, extensions: editorExtensions(), content: model.doc })
    editors.push(editor)
    const [paragraph, list] = editorDocJson(editor.state.doc).content
    expect(Object.isFrozen(paragraph)).toBe(true)
    expect(Object.isFrozen(list!.content)).toBe(true)
    editor.commands.command(({ tr }) => {
      // After « Un » (the paragraph's content starts at 1).
      tr.insertText(' Suite', 3)
      return true
    })
    const [edited, same] = editorDocJson(editor.state.doc).content
    expect(Object.isFrozen(edited)).toBe(false)
    expect(same).toBe(list)
    expect(savePage({ ...model, doc: editorDocJson(editor.state.doc) })).toBe(
      'Un Suite **paragraphe**.\n\n* un\n* deux\n',
    )
  })
})
