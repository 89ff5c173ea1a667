import { describe, expect, it } from 'vitest'
import { replaceInText, writesFor } from '../../../../src-main/search/replace.js'

describe('replaceInText', () => {
  const text =
    '---\r\ntitle: Égalité # titre\r\ntags: [égalité]\r\n---\r\n\r\nL’ÉGALITÉ, égalitaire.\r\n'

  it('replaces every folded match in settings values and body, bytes around kept', () => {
    const replaced = replaceInText(text, 'egalit', false, 'parit')
    expect(replaced.text).toBe(
      '---\r\ntitle: parité # titre\r\ntags: [parité]\r\n---\r\n\r\nL’paritÉ, paritaire.\r\n',
    )
    expect(replaced.matches).toBe(4)
    expect(replaced.changes.map((change) => change.line)).toEqual([2, 3, 6])
  })

  it('takes whole words only when asked, and leaves keys and comments alone', () => {
    const replaced = replaceInText(text, 'egalite', true, 'équité')
    expect(replaced.text).toBe(
      '---\r\ntitle: équité # titre\r\ntags: [équité]\r\n---\r\n\r\nL’équité, égalitaire.\r\n',
    )
    expect(replaceInText(text, 'titre', false, 'x').matches).toBe(0)
    expect(replaceInText(text, 'title', false, 'x').matches).toBe(0)
  })

  it('leaves the settings alone when asked to', () => {
    const replaced = replaceInText(text, 'egalite', true, 'équité', false)
    expect(replaced.changes.map((change) => change.line)).toEqual([6])
  })
})

describe('writesFor', () => {
  const planned = [
    {
      plan: { path: 'a.md', title: 'A', hash: 'h1', changes: [] },
      text: 'nouveau',
      matches: 1,
    },
  ]

  it('writes each page previewed over the version previewed', () => {
    expect(writesFor(planned, [{ path: 'a.md', hash: 'h1' }])).toEqual([
      { path: 'a.md', text: 'nouveau', base: 'h1' },
    ])
  })

  it('refuses a page changed since, one no longer planned, and a page named twice', () => {
    expect(() => writesFor(planned, [{ path: 'a.md', hash: 'h2' }])).toThrow(
      'changed-since-preview',
    )
    expect(() => writesFor(planned, [{ path: 'b.md', hash: 'h1' }])).toThrow(
      'changed-since-preview',
    )
    expect(() =>
      writesFor(planned, [
        { path: 'a.md', hash: 'h1' },
        { path: 'a.md', hash: 'h1' },
      ]),
    ).toThrow('invalid-input')
  })
})
