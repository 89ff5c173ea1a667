import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, foldWithMap, originalRange } from '../../../../src-shared/text/fold.js'

describe('fold', () => {
  it('drops case and accents, French ligatures spelled out', () => {
    expect(fold('Égalité')).toBe('egalite')
    expect(fold('ŒUVRE à Lomé')).toBe('oeuvre a lome')
    expect(fold('Côte d’Ivoire')).toBe('cote d’ivoire')
  })

  it('maps a match in the folded text back to the words as written', () => {
    const text = 'La Société civile œuvre à l’Égalité'
    const map = foldWithMap(text)
    const at = map.folded.indexOf('egalite')
    expect(text.slice(...originalRange(map, at, at + 'egalite'.length))).toBe('Égalité')
    const oe = map.folded.indexOf('oeuvre')
    expect(text.slice(...originalRange(map, oe, oe + 6))).toBe('œuvre')
  })

  it('every folded range maps to whole characters whose fold holds it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.nat(), fc.nat(), (text, a, b) => {
        const map = foldWithMap(text)
        expect(map.folded).toBe(fold(text))
        expect(map.origin).toHaveLength(map.folded.length + 1)
        if (map.folded.length === 0) return
        const from = a % map.folded.length
        const to = from + 1 + (b % (map.folded.length - from))
        const [start, end] = originalRange(map, from, to)
        expect(fold(text.slice(start, end))).toContain(map.folded.slice(from, to))
      }),
    )
  })

  it('folds runs of ASCII (its quick path) as it folds character by character', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('Égalité', 'ŒUVRE', 'à', '\u0301', '😀', 'İ'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('')
        expect(fold(text)).toBe(foldWithMap(text).folded)
      }),
      { numRuns: 500 },
    )
  })
})
