import { describe, expect, it } from 'vitest'
import {
  rowsPerPage,
  rowsToDraw,
  scrollToReveal,
  typeAheadMatch,
  visibleRange,
} from '../../../../src-renderer/views/explorer-window.js'

describe('explorer window', () => {
  it('draws the rows in view and the overscan on each side, within the list', () => {
    // 22 px rows, a 220 px view: rows 0–9 at the top.
    expect(visibleRange({ scrollTop: 0, height: 220 }, 22, 4400, 5)).toEqual({ start: 0, end: 15 })
    // Scrolled to row 100 and a half: rows 100–110 partly in view, 5 more each side.
    expect(visibleRange({ scrollTop: 100 * 22 + 11, height: 220 }, 22, 4400, 5)).toEqual({
      start: 95,
      end: 116,
    })
    // At the bottom: never past the last row.
    expect(visibleRange({ scrollTop: 4390 * 22, height: 220 }, 22, 4400, 5)).toEqual({
      start: 4385,
      end: 4400,
    })
    expect(visibleRange({ scrollTop: 0, height: 220 }, 22, 0, 5)).toEqual({ start: 0, end: 0 })
  })

  it('draws only the overscan before the view is measured, and never below zero', () => {
    expect(visibleRange({ scrollTop: 0, height: 0 }, 22, 100, 5)).toEqual({ start: 0, end: 5 })
    expect(visibleRange({ scrollTop: -40, height: 44 }, 22, 100, 5)).toEqual({ start: 0, end: 7 })
  })

  it('keeps the row with the tab stop drawn while it is out of view', () => {
    expect(rowsToDraw({ start: 10, end: 14 }, 2)).toEqual([2, 10, 11, 12, 13])
    expect(rowsToDraw({ start: 10, end: 14 }, 11)).toEqual([10, 11, 12, 13])
    expect(rowsToDraw({ start: 10, end: 14 }, 300)).toEqual([10, 11, 12, 13, 300])
    expect(rowsToDraw({ start: 10, end: 14 }, -1)).toEqual([10, 11, 12, 13])
  })

  it('scrolls as little as it takes to show a row whole', () => {
    const viewport = { scrollTop: 220, height: 220 }
    expect(scrollToReveal(12, 22, viewport)).toBe(220) // in view: no move
    expect(scrollToReveal(3, 22, viewport)).toBe(66) // above: at the top
    expect(scrollToReveal(25, 22, viewport)).toBe(26 * 22 - 220) // below: at the bottom
    expect(scrollToReveal(0, 22, { scrollTop: 0, height: 10 })).toBe(0)
  })

  it('moves a page by a view less one row', () => {
    expect(rowsPerPage(220, 22)).toBe(9)
    expect(rowsPerPage(10, 22)).toBe(1)
  })

  it('finds the next row starting with what was typed, accents and case aside, going round', () => {
    const labels = ['Thèmes', 'Accès à l’information', 'Budget ouvert', 'Éducation', 'accueil']
    expect(typeAheadMatch(labels, 0, 'a')).toBe(1)
    expect(typeAheadMatch(labels, 1, 'a')).toBe(4)
    expect(typeAheadMatch(labels, 4, 'a')).toBe(1)
    expect(typeAheadMatch(labels, 1, 'acc')).toBe(1) // still matches: stays
    expect(typeAheadMatch(labels, 1, 'accu')).toBe(4)
    expect(typeAheadMatch(labels, 0, 'e')).toBe(3)
    expect(typeAheadMatch(labels, 0, 'z')).toBe(-1)
    expect(typeAheadMatch(labels, -1, 't')).toBe(0)
  })
})
