import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TextScanner } from '../../../../src-shared/markdown/text-scanner.js'

/**
 * The closer rule as first written: a table over every position, filled from
 * the end. The scanner keeps answers at the delimiter's characters only; both
 * must agree at every position.
 */
function denseClosers(text: string, delimiter: string): Int32Array {
  const char = delimiter[0]!
  const size = delimiter.length
  const next = new Int32Array(text.length + 1)
  next[text.length] = -1
  for (let position = text.length - 1; position >= 0; position--) {
    if (!text.startsWith(delimiter, position)) {
      next[position] = next[position + 1]!
      continue
    }
    const nextChar = text[position + size] ?? ' '
    const rightFlanking = !/\s/.test(text[position - 1] ?? 'x')
    const sameRun = nextChar === char
    const intraword = char === '_' && /[\p{L}\p{N}]/u.test(nextChar)
    if (rightFlanking && !intraword && !(size === 1 && sameRun)) next[position] = position
    else {
      const step = position + (sameRun ? 2 : 1)
      next[position] = step >= text.length ? -1 : next[step]!
    }
  }
  return next
}

const text = fc
  .array(fc.constantFrom('*', '**', '_', '__', 'a', 'é', '1', ' ', '\n', '*a', 'a_', '\u2005'), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''))

describe('TextScanner.emphasisCloser', () => {
  it('answers at every position as the table over all positions does', () => {
    fc.assert(
      fc.property(text, (source) => {
        const scan = new TextScanner(source)
        for (const delimiter of ['*', '**', '_', '__']) {
          const dense = denseClosers(source, delimiter)
          for (let from = 0; from <= source.length + 1; from++)
            expect(scan.emphasisCloser(delimiter, from)).toBe(
              from >= dense.length ? -1 : dense[from],
            )
        }
      }),
      { numRuns: 2000 },
    )
  })
})
