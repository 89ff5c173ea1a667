import { describe, expect, it } from 'vitest'
import { changesOnly, diffLines } from '../../../src-shared/diff/line-diff.js'

describe('line diff', () => {
  it('shows a changed line as removed then added, the rest kept', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ])
  })

  it('finds insertions and deletions in the middle', () => {
    const lines = diffLines('un\ndeux\ntrois\nquatre', 'un\ntrois\nquatre\ncinq')
    expect(lines.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'deux' },
      { kind: 'added', text: 'cinq' },
    ])
  })

  it('keeps only changes and their context, with a gap marker', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7'].join('\n')
    const after = ['1', '2', 'x', '4', '5', '6', 'y'].join('\n')
    expect(
      changesOnly(diffLines(before, after)).map((line) =>
        line ? `${line.kind[0]}${line.text}` : '…',
      ),
    ).toEqual(['s2', 'r3', 'ax', 's4', '…', 's6', 'r7', 'ay'])
  })
})
