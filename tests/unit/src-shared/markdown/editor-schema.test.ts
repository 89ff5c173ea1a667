import { Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { editorSchema } from '../../../../src-shared/editor-schema/extensions.js'
import type { EditorDoc } from '../../../../src-shared/markdown/editor-document.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'

const schema = editorSchema()

/** What the editor does: load the JSON into ProseMirror, then hand back `toJSON()`. */
function throughEditor(text: string): string {
  const page = openPage(text)
  const node = Node.fromJSON(schema, page.doc)
  node.check()
  return savePage({ ...page, doc: node.toJSON() as EditorDoc })
}

const samples = [
  '---\ntitle: A # titre\n---\n\n## Contexte\n\nUn *mot* et **deux**, `code`, [lien](https://ex.org "T") et ![carte](/c.png).\n',
  'Titre\n=====\n\n- un\n- deux\n  1. a\n  2. b\n\n> Citation\n\n~~~ ruby\nputs 1\n~~~\n\n* * *\n',
  'À retenir.\n{: .encadre}\n\n{% include note.html %}\n\n<div>html</div>\n\nVoir [ici][r]{:target="_blank"} et {{ site.title }}  \nfin\\\nvraiment[^1].\n\n[r]: https://r.example\n[^1]: Note.\n',
  '| a | b |\n|---|---|\n\nTerme\n: Déf\n\n$$\nx\n$$\n\n*[PGO]: Partenariat\n\n    code indenté\n',
]

describe('editor schema (starter-kit + Atelier extensions)', () => {
  it.each(samples.map((text, index) => [index, text] as const))(
    'sample %i is a valid document that comes back byte for byte',
    (_index, text) => {
      expect(throughEditor(text)).toBe(text)
    },
  )

  it('keeps an edit made in ProseMirror terms minimal', () => {
    const text = 'Un.\n\nDeux *mots* ici.\n\nTrois.\n'
    const page = openPage(text)
    const doc = Node.fromJSON(schema, page.doc)
    // Typing « Les » at the start of the second paragraph.
    const transformed = schema.node('doc', doc.attrs, [
      doc.child(0),
      doc.child(1).copy(doc.child(1).content.addToStart(schema.text('Les '))),
      doc.child(2),
    ])
    expect(savePage({ ...page, doc: transformed.toJSON() as EditorDoc })).toBe(
      'Un.\n\nLes Deux *mots* ici.\n\nTrois.\n',
    )
  })
})

describe('code inside links and emphasis', () => {
  it('is allowed by the schema (TipTap’s code mark excludes all others by default)', () => {
    const text = 'Voir [`_config.yml`](https://jekyllrb.com) et **`gras`**.\n'
    expect(throughEditor(text)).toBe(text)
  })
})

describe('marks in ProseMirror’s order', () => {
  it('an edited paragraph keeps `**[link](url)!**` nesting although the schema orders link first', () => {
    const text = 'Un **[lien](https://x.org)!** ici.\n\nFin.\n'
    const page = openPage(text)
    const doc = Node.fromJSON(schema, page.doc)
    const paragraph = doc.child(0)
    const edited = schema.node('doc', doc.attrs, [
      paragraph.copy(paragraph.content.addToStart(schema.text('Voici '))),
      doc.child(1),
    ])
    expect(savePage({ ...page, doc: edited.toJSON() as EditorDoc })).toBe(
      'Voici Un **[lien](https://x.org)!** ici.\n\nFin.\n',
    )
  })
})
