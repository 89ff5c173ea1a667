import { Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { editorSchema } from '../../../../src-shared/editor-schema/extensions.js'
import { openPage } from '../../../../src-shared/markdown/page-document.js'
import { revealRange } from '../../../../src-renderer/editor/reveal-line.js'

const schema = editorSchema()

function reveal(text: string, line: number, words?: string) {
  const page = openPage(text, { input: 'GFM' })
  const doc = Node.fromJSON(schema, page.doc)
  const range = revealRange(doc, page.frontMatter, line, words)
  return range && doc.textBetween(range.from, range.to, '\n')
}

const page = [
  '---', // 1
  'title: Bénin', // 2
  '---', // 3
  '', // 4
  '# Contexte', // 5
  '', // 6
  'Premier paragraphe.', // 7
  'Suite sur deux lignes.', // 8
  '', // 9
  '* une **Égalité** ;', // 10
  '* deux.', // 11
  '', // 12
  '| Année | Montant |', // 13
  '|---|---|', // 14
  '| 2024 | 12 Mds |', // 15
  '', // 16
  'Dernier mot : égalité.', // 17
].join('\n')

describe('revealRange: a file line (and its words) as an editor selection', () => {
  it('selects the words on the line, as written, whatever their case and accents', () => {
    expect(reveal(page, 10, 'egalite')).toBe('Égalité')
    expect(reveal(page, 17, 'EGALITE')).toBe('égalité')
    expect(reveal(page, 8, 'deux lignes')).toBe('deux lignes')
    expect(reveal(page, 15, '12 mds')).toBe('12 Mds')
  })

  it('without words, puts the caret at the start of the line’s block', () => {
    const text = page
    const opened = openPage(text, { input: 'GFM' })
    const doc = Node.fromJSON(schema, opened.doc)
    const range = revealRange(doc, opened.frontMatter, 7)!
    expect(range.from).toBe(range.to)
    expect(doc.resolve(range.from).parent.textContent).toMatch(/^Premier paragraphe\./)
    const item = revealRange(doc, opened.frontMatter, 15)!
    expect(doc.resolve(item.from).node(1).type.name).toBe('table')
  })

  it('words moved by an unsaved edit are still found elsewhere in the page', () => {
    expect(reveal(page, 5, 'dernier mot')).toBe('Dernier mot')
  })

  it('a line in the front matter, or words nowhere, reveal no words', () => {
    expect(reveal(page, 2, 'Bénin')).toBeNull()
    expect(reveal(page, 7, 'absent')).toBe('')
  })
})
