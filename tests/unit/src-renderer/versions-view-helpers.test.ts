import { describe, expect, it } from 'vitest'
import { diffLines } from '../../../src-shared/diff/line-diff.js'
import { sideBySide } from '../../../src-renderer/ui/side-by-side.js'
import {
  fullDate,
  relativeDate,
  versionTimes,
} from '../../../src-renderer/views/versions/version-date.js'

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

describe('times of versions saved in the same minute', () => {
  const now = Date.parse('2025-03-12T14:10:00Z')
  const dates = ['2025-03-12T14:05:48Z', '2025-03-12T14:05:12Z', '2025-03-12T13:00:00Z']

  it('tell them apart with the seconds, and only them', () => {
    const [late, early, alone] = versionTimes(dates, 'fr', now)
    expect(late!.text).not.toBe(early!.text)
    expect(late!.text).toMatch(/:48\b/)
    expect(early!.text).toMatch(/:12\b/)
    expect(late!.title).toMatch(/:48\b/)
    expect(alone).toEqual({
      text: relativeDate(dates[2]!, 'fr', now),
      title: fullDate(dates[2]!, 'fr'),
    })
  })

  it('also tell apart two versions that both read « maintenant » across a minute’s turn', () => {
    const turn = Date.parse('2025-03-12T14:06:20Z')
    const [late, early] = versionTimes(['2025-03-12T14:06:01Z', '2025-03-12T14:05:59Z'], 'fr', turn)
    expect(late!.text).toMatch(/^maintenant .*:01\b/)
    expect(early!.text).toMatch(/^maintenant .*:59\b/)
  })
})
