import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  activeButtons,
  tableButtons,
  toolbarButtons,
  type ToolbarButton,
} from '../../../../src-renderer/editor/toolbar-actions.js'
import { editorExtensions } from '../../../../src-shared/editor-schema/extensions.js'
import type { EditorDoc } from '../../../../src-shared/markdown/editor-document.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()))

function editorOn(body: string) {
  const page = openPage(body)
  const editor = new Editor({ element: null, extensions: editorExtensions(), content: page.doc })
  editors.push(editor)
  const text = () => savePage({ ...page, doc: editor.getJSON() as EditorDoc })
  return { editor, text }
}

function button(id: string): ToolbarButton {
  const found = [...toolbarButtons, ...tableButtons].find(
    (item) => item !== 'separator' && item.id === id,
  )
  if (!found || found === 'separator') throw new Error(`no button ${id}`)
  return found
}

/** Puts the caret in the cell holding `text`. */
function caretIn(editor: Editor, text: string) {
  let at = -1
  editor.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text === text) at = pos
  })
  editor.commands.setTextSelection(at + 1)
}

const page = 'Avant.\n\n| Année | Montant |\n|:------|--------:|\n| 2024  | 12      |\n\nAprès.\n'

describe('the table buttons', () => {
  it('show only in a table, with the table button pressed there', () => {
    const { editor } = editorOn(page)
    editor.commands.setTextSelection(2)
    expect(activeButtons(editor)).not.toContain('table')
    caretIn(editor, '2024')
    expect(activeButtons(editor)).toContain('table')
    expect(activeButtons(editor)).toContain('align-left')
  })

  it('add a row below in the table’s style, other lines unchanged', () => {
    const { editor, text } = editorOn(page)
    caretIn(editor, '2024')
    button('row-after').run(editor)
    expect(text()).toBe(page.replace('| 2024  | 12      |\n', '| 2024  | 12      |\n|  |  |\n'))
    // The new cells show their column's alignment.
    const aligns: unknown[] = []
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'tableCell') aligns.push(node.attrs.align)
    })
    expect(aligns).toEqual(['left', 'right', 'left', 'right'])
  })

  it('add and delete a column, rewriting the alignment row', () => {
    const { editor, text } = editorOn(page)
    caretIn(editor, 'Montant')
    button('column-after').run(editor)
    expect(text()).toBe(
      'Avant.\n\n| Année | Montant |  |\n| :--- | ---: | --- |\n| 2024 | 12 |  |\n\nAprès.\n',
    )
    caretIn(editor, 'Montant')
    editor.commands.goToNextCell()
    button('column-delete').run(editor)
    // Back to the table as read: the rows' own lines come back.
    expect(text()).toBe(page)
  })

  it('align a column: its cells and the alignment row', () => {
    const { editor, text } = editorOn(page)
    caretIn(editor, '12')
    button('align-center').run(editor)
    expect(text()).toBe(page.replace('|:------|--------:|', '| :--- | :---: |'))
    expect(activeButtons(editor)).toContain('align-center')
  })

  it('insert a new table with a header row, written as a pipe table', () => {
    const { editor, text } = editorOn('Texte.\n')
    editor.commands.setTextSelection(7)
    button('table').run(editor)
    expect(text()).toBe('Texte.\n\n|  |  |\n| --- | --- |\n|  |  |\n|  |  |\n')
  })

  it('delete a row and the whole table', () => {
    const { editor, text } = editorOn(page)
    caretIn(editor, '2024')
    button('row-delete').run(editor)
    expect(text()).not.toContain('2024')
    caretIn(editor, 'Année')
    button('table-delete').run(editor)
    expect(text()).toBe('Avant.\n\nAprès.\n')
  })
})
