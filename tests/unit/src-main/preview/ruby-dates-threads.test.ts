import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  packRubyDates,
  RubyDate,
  RubyTime,
  unpackRubyDates,
} from '../../../../src-main/site/ruby-dates.js'

/** What a worker gets: the message as `postMessage` copies it. */
const acrossThread = <T>(value: T): T => unpackRubyDates(structuredClone(packRubyDates(value)))

/** Dates as their class and printed text, so a lost class shows. */
function printed(value: unknown): unknown {
  if (value instanceof Date) return `${value.constructor.name}:${String(value)}`
  if (Array.isArray(value)) return value.map(printed)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printed(item)]))
  }
  return value
}

const time = fc.integer({ min: 0, max: 4_102_444_800_000 })
const frontMatter = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    time.map((t) => new RubyDate(t)),
    time.map((t) => new RubyTime(t)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value

describe('Ruby dates across the render worker', () => {
  it('arrive with their class and text, and the original is left untouched', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        const before = printed(data)
        expect(printed(acrossThread({ data }))).toEqual({ data: before })
        expect(printed(data)).toEqual(before)
      }),
    )
  })

  it('a plain JavaScript date arrives as a time, and shared or circular YAML aliases survive', () => {
    const shared: Record<string, unknown> = { jour: new RubyDate(Date.UTC(2024, 2, 5)) }
    shared.moi = shared
    const arrived = acrossThread({ a: shared, b: shared, vu: new Date(Date.UTC(2024, 2, 5, 10)) })
    expect(arrived.a).toBe(arrived.b)
    expect(arrived.a.moi).toBe(arrived.a)
    expect(String(arrived.a.jour)).toBe('2024-03-05')
    expect(String(arrived.vu)).toBe('2024-03-05 10:00:00 +0000')
  })
})
