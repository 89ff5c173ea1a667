import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  activeButtons,
  applyLink,
  ENCADRE,
  insertImage,
  linkAtCaret,
  toolbarButtons,
  type ToolbarButton,
} from '../../../../src-renderer/editor/toolbar-actions.js'
import { editorExtensions } from '../../../../src-shared/editor-schema/extensions.js'
import type { EditorDoc } from '../../../../src-shared/markdown/editor-document.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()))

/** The real editor (schema, commands, history) without a view: the toolbar acts on its state. */
function editorOn(body: string) {
  const page = openPage(body)
  const editor = new Editor({ element: null, extensions: editorExtensions(), content: page.doc })
  editors.push(editor)
  const text = () => savePage({ ...page, doc: editor.getJSON() as EditorDoc })
  return { editor, text }
}

function button(id: string): ToolbarButton {
  const found = toolbarButtons.find((item) => item !== 'separator' && item.id === id)
  if (!found || found === 'separator') throw new Error(`no button ${id}`)
  return found
}

/** Selects the words `from`…`to` (offsets in the first paragraph's text). */
function select(editor: Editor, from: number, to: number) {
  editor.commands.setTextSelection({ from: from + 1, to: to + 1 })
}

describe('the formatting bar’s actions', () => {
  it('each formatting button changes the page as its name says, and shows pressed there', () => {
    const cases: [string, string][] = [
      ['bold', '**Un** texte simple.\n'],
      ['italic', '*Un* texte simple.\n'],
      ['heading-2', '## Un texte simple.\n'],
      ['heading-3', '### Un texte simple.\n'],
      ['bullet-list', '* Un texte simple.\n'],
      ['ordered-list', '1. Un texte simple.\n'],
      ['quote', '> Un texte simple.\n'],
      ['encadre', `Un texte simple.\n${ENCADRE}\n`],
    ]
    for (const [id, expected] of cases) {
      const { editor, text } = editorOn('Un texte simple.\n')
      select(editor, 0, 2)
      expect(activeButtons(editor), id).not.toContain(id)
      button(id).run(editor)
      expect(text(), id).toBe(expected)
      expect(activeButtons(editor), id).toContain(id)
    }
  })

  it('toggles back: a second press of « Encadré » or « Gras » removes it', () => {
    const { editor, text } = editorOn('Un texte simple.\n')
    select(editor, 0, 2)
    button('encadre').run(editor)
    button('encadre').run(editor)
    button('bold').run(editor)
    button('bold').run(editor)
    expect(text()).toBe('Un texte simple.\n')
  })

  it('« Paragraphe » turns a heading back into text; « Ligne » adds a rule after it', () => {
    const { editor, text } = editorOn('## Un titre\n')
    select(editor, 0, 2)
    expect(activeButtons(editor)).toEqual(['heading-2'])
    button('paragraph').run(editor)
    expect(text()).toBe('Un titre\n')
    expect(activeButtons(editor)).toEqual(['paragraph'])
    select(editor, 8, 8)
    button('rule').run(editor)
    expect(text()).toMatch(/^Un titre\n\n\* \* \*\n/)
  })

  it('sets, reads, changes and removes a link over the selection', () => {
    const { editor, text } = editorOn('Voir le guide.\n')
    select(editor, 8, 13)
    expect(linkAtCaret(editor)).toBe('')
    applyLink(editor, '  https://example.org  ')
    expect(text()).toBe('Voir le [guide](https://example.org).\n')
    select(editor, 10, 10)
    expect(activeButtons(editor)).toContain('link')
    expect(linkAtCaret(editor)).toBe('https://example.org')
    applyLink(editor, '')
    expect(text()).toBe('Voir le guide.\n')
  })

  it('inserts an image addressed through relative_url, with its alternative text trimmed', () => {
    const { editor, text } = editorOn('Une photo : \n')
    select(editor, 12, 12)
    insertImage(editor, '/uploads/photo.jpg', ' Une réunion publique ')
    expect(text()).toBe(
      "Une photo : ![Une réunion publique]({{ '/uploads/photo.jpg' | relative_url }})\n",
    )
  })
})
