import { Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { editorSchema } from '../../../../src-shared/editor-schema/extensions.js'
import { openPage } from '../../../../src-shared/markdown/page-document.js'
import { decorate } from '../../../../src-renderer/editor/comment-marks.js'

const PAGE = `---
title: Cas
---

# Contexte

Le registre des demandes est tenu
par chaque ministère.

- un point
- un autre point

Le registre des demandes revient ici.
`

function docOf(text: string): Node {
  return Node.fromJSON(editorSchema(), openPage(text).doc)
}

/** Each decorated block: its first words and its attributes. */
function marked(doc: Node, passages: Parameters<typeof decorate>[1]) {
  return decorate(doc, passages)
    .find()
    .map((decoration) => ({
      text: doc.nodeAt(decoration.from)!.textContent.slice(0, 20),
      attrs: (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
    }))
}

describe('comments marked beside the text', () => {
  it('marks the first block holding each passage, across a wrapped line, once per block', () => {
    const doc = docOf(PAGE)
    expect(
      marked(doc, [
        {
          excerpt: 'Le registre des demandes est tenu par chaque…',
          label: '2 commentaires',
          open: true,
        },
        { excerpt: '- un point - un autre point', label: '1 commentaire', open: false },
        { excerpt: '# *Contexte*', label: '3 commentaires', open: false },
        { excerpt: 'Le registre des', label: '1 commentaire', open: false },
        { excerpt: 'absent de la page', label: '1 commentaire', open: true },
      ]),
    ).toEqual([
      { text: 'Contexte', attrs: { class: 'has-comments', 'data-comments': '3 commentaires' } },
      {
        text: 'Le registre des dema',
        attrs: { class: 'has-comments open', 'data-comments': '2 commentaires · 1 commentaire' },
      },
      {
        text: 'un pointun autre poi',
        attrs: { class: 'has-comments', 'data-comments': '1 commentaire' },
      },
    ])
  })

  it('marks nothing without comments', () => {
    expect(marked(docOf(PAGE), [])).toEqual([])
  })
})
