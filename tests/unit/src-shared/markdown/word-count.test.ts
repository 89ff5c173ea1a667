import { describe, expect, it } from 'vitest'
import { toEditorDoc } from '../../../../src-shared/markdown/page-document.js'
import { countWords, readingMinutes } from '../../../../src-shared/markdown/word-count.js'

describe('word count', () => {
  it('counts words of the text, with French punctuation and marks, not the source', () => {
    const doc = toEditorDoc(
      "## L'accès\n\nUn **texte** en *français* : « ouvert » !\n\n{% include note.html %}\n",
    )
    expect(countWords(doc.content)).toBe(6)
  })

  it('gives reading time at 200 words a minute', () => {
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(40)).toBe(1)
    expect(readingMinutes(1000)).toBe(5)
  })
})
