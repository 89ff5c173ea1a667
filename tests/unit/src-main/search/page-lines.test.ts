import { describe, expect, it } from 'vitest'
import { fileLines, searchLines } from '../../../../src-main/search/page-lines.js'

describe('searchLines', () => {
  it('keeps the values of the settings and every body line, with file line numbers', () => {
    const text = [
      '---',
      'title: Égalité des genres # un commentaire',
      'tags:',
      '  - budget',
      '  - name: "Accès #1"',
      'resume: |',
      '  Un texte long',
      '# seulement un commentaire',
      '---',
      '',
      'Le corps.',
      '',
      'Fin',
    ].join('\r\n')
    expect(searchLines(text)).toEqual([
      { line: 2, start: 7, text: 'Égalité des genres', settings: true },
      { line: 4, start: 4, text: 'budget', settings: true },
      { line: 5, start: 10, text: '"Accès #1"', settings: true },
      { line: 7, start: 2, text: 'Un texte long', settings: true },
      { line: 11, start: 0, text: 'Le corps.', settings: false },
      { line: 13, start: 0, text: 'Fin', settings: false },
    ])
  })

  it('reads a page without closed front matter as all body', () => {
    expect(searchLines('---\ntitle: x\n').map((line) => line.settings)).toEqual([false, false])
  })

  it('splits lines as the editor counts them, keeping each break', () => {
    expect(fileLines('a\r\nb\rc\nd')).toEqual([
      { start: 0, text: 'a', end: '\r\n' },
      { start: 3, text: 'b', end: '\r' },
      { start: 5, text: 'c', end: '\n' },
      { start: 7, text: 'd', end: '' },
    ])
  })
})
