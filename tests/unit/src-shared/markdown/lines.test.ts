import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dominantEol,
  isBlank,
  joinLines,
  linesText,
  splitLines,
  withoutFinalBreak,
  type Line,
} from '../../../../src-shared/markdown/lines.js'

/** The line split as first written, by a regular expression: the scan by character code must agree. */
function referenceLines(source: string): Line[] {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(source)) !== null) {
    if (match[0] === '' && match.index >= source.length) break
    lines.push({ text: match[1]!, eol: match[2]! })
    if (match[2] === '') break
  }
  return lines
}

const text = fc
  .array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '\n\n', '\u2028'), { maxLength: 30 })
  .map((parts) => parts.join(''))

describe('lines', () => {
  it('splits as the regular expression did, and the slices are the joined lines', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (source, a, b) => {
        const lines = splitLines(source)
        expect(lines).toEqual(referenceLines(source))
        const start = lines.length ? a % (lines.length + 1) : 0
        const end = lines.length ? start + (b % (lines.length + 1 - start)) : 0
        expect(linesText(lines, start, end)).toBe(joinLines(lines.slice(start, end)))
        // Lines not split from one text (a quote's, without `>`) are joined.
        const copy = lines.map((line) => ({ ...line }))
        expect(linesText(copy, start, end)).toBe(joinLines(lines.slice(start, end)))
      }),
      { numRuns: 2000 },
    )
  })

  it('drops one final line ending as the regular expression did', () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(withoutFinalBreak(source)).toBe(source.replace(/(\r\n|\n|\r)$/, ''))
      }),
    )
  })

  it('finds blank lines as trimming them does', () => {
    const blanks = fc
      .array(
        fc.constantFrom(' ', '\t', '\u00a0', '\u2005', '\ufeff', '\u3000', 'a', '#', 'é', '~'),
        {
          maxLength: 6,
        },
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(blanks, (text) => {
        expect(isBlank({ text, eol: '\n' })).toBe(text.trim() === '')
      }),
    )
  })

  it('finds the dominant line ending as counting matches did', () => {
    fc.assert(
      fc.property(text, (source) => {
        const crlf = source.match(/\r\n/g)?.length ?? 0
        const lf = (source.match(/\n/g)?.length ?? 0) - crlf
        expect(dominantEol(source)).toBe(crlf > lf ? '\r\n' : '\n')
      }),
    )
  })
})
