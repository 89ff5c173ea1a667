import { describe, expect, it } from 'vitest'
import { diffLines } from '../../../src-shared/diff/line-diff.js'
import { sideBySide } from '../../../src-renderer/editor/side-by-side.js'
import { relativeDate } from '../../../src-renderer/views/versions/version-date.js'

describe('side-by-side rows of a comparison', () => {
  it('pairs removed lines with the added lines that replace them', () => {
    const rows = sideBySide(diffLines('a\nb\nc\nd', 'a\nB\nC\nX\nd'))
    expect(rows.map((row) => [row.before?.text ?? null, row.after?.text ?? null])).toEqual([
      ['a', 'a'],
      ['b', 'B'],
      ['c', 'C'],
      [null, 'X'],
      ['d', 'd'],
    ])
    expect(rows[3]!.after!.kind).toBe('added')
  })

  it('leaves a gap on the right for lines only removed', () => {
    const rows = sideBySide(diffLines('a\nb\nc', 'a\nc'))
    expect(rows.map((row) => [row.before?.text ?? null, row.after?.text ?? null])).toEqual([
      ['a', 'a'],
      ['b', null],
      ['c', 'c'],
    ])
  })
})

describe('relative dates of versions', () => {
  const now = Date.parse('2025-03-12T14:00:00Z')
  it('speaks French by default', () => {
    expect(relativeDate('2025-03-12T13:57:00Z', 'fr', now)).toBe('il y a 3 minutes')
    expect(relativeDate('2025-03-11T14:00:00Z', 'fr', now)).toBe('hier')
    expect(relativeDate('2025-03-12T14:00:00Z', 'fr', now)).toBe('maintenant')
  })
  it('and English', () => {
    expect(relativeDate('2025-03-10T14:00:00Z', 'en', now)).toBe('2 days ago')
  })
})
