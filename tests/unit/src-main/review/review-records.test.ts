import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  NOTE_MAX_BYTES,
  NOTE_MAX_LINES,
  parseRecords,
  serialiseRecord,
  type ReviewRecord,
} from '../../../../src-main/review/review-records.js'

const person = fc.record({
  name: fc.string({ maxLength: 30 }),
  email: fc.string({ maxLength: 30 }),
})
const date = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString())
const id = fc.string({ minLength: 1, maxLength: 40 })
const record: fc.Arbitrary<ReviewRecord> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('comment' as const),
      id,
      author: person,
      date,
      path: fc.string({ minLength: 1, maxLength: 40 }),
      block: fc.record({
        index: fc.nat(1000),
        hash: fc.stringMatching(/^[0-9a-f]{40}$/),
        excerpt: fc.string({ maxLength: 50 }),
      }),
      text: fc.string({ minLength: 1, maxLength: 200 }),
      replyTo: id,
    },
    { requiredKeys: ['kind', 'id', 'author', 'date', 'path', 'block', 'text'] },
  ),
  fc.record({ kind: fc.constant('resolve' as const), id, comment: id, author: person, date }),
  fc.record({
    kind: fc.constant('decision' as const),
    id,
    decision: fc.constantFrom(
      'approved' as const,
      'changes-requested' as const,
      'integrated' as const,
    ),
    author: person,
    date,
  }),
)

describe('review records as JSON Lines', () => {
  it('read back what was written, one line each, whatever the text holds', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 10 }), (records) => {
        const lines = records.map(serialiseRecord)
        for (const line of lines) expect(line).not.toContain('\n')
        const parsed = parseRecords(lines.join('\n') + '\n')
        expect(parsed).toEqual({ records, skipped: 0, unknown: 0 })
      }),
    )
  })

  it('never throw on any text; bad lines are counted, not returned', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json()), { maxLength: 20 }), (lines) => {
        const parsed = parseRecords(lines.join('\n'))
        expect(parsed.records.length + parsed.skipped + parsed.unknown).toBeLessThanOrEqual(
          lines.length,
        )
      }),
    )
  })

  it('ignore unknown kinds (a later version may add some) and skip wrong shapes', () => {
    const good = serialiseRecord({
      kind: 'decision',
      id: 'd1',
      decision: 'approved',
      author: { name: 'A', email: 'a@example.org' },
      date: '2026-01-01T00:00:00.000Z',
    })
    const text = [
      good,
      '{"kind":"vote","id":"v"}',
      '{"kind":"toString"}',
      '{"kind":"decision","id":"d2","decision":"rejected"}',
      good.replace('"date":"2026-01-01T00:00:00.000Z"', '"date":"pas une date"'),
      '{',
    ].join('\n')
    expect(parseRecords(text)).toMatchObject({ skipped: 3, unknown: 2 })
    expect(parseRecords(text).records).toHaveLength(1)
  })

  it('bound what is read: note size, line count, text length', () => {
    expect(parseRecords('x'.repeat(NOTE_MAX_BYTES + 1))).toEqual({
      records: [],
      skipped: 1,
      unknown: 0,
    })
    const line = serialiseRecord({
      kind: 'resolve',
      id: 'r',
      comment: 'c',
      author: { name: 'A', email: 'a@example.org' },
      date: '2026-01-01T00:00:00.000Z',
    })
    const many = parseRecords(
      Array(NOTE_MAX_LINES + 10)
        .fill(line)
        .join('\n'),
    )
    expect(many.records).toHaveLength(NOTE_MAX_LINES)
    expect(many.skipped).toBe(10)
  })
})
