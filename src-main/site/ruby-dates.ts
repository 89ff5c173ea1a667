import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml'

/**
 * Dates as Liquid prints them under Jekyll, which prints Ruby's `to_s`: a page
 * saying « Mis à jour le {{ page.mis_a_jour }} » shows `2024-03-05`, not
 * JavaScript's `Tue Mar 05 2024 00:00:00 GMT…`. Both are still `Date`s, so the
 * `date` filter, comparisons and sorting work unchanged; `jsonify` quotes the
 * same text, as Ruby's `to_json` does.
 */

/** A YAML date alone (Ruby's `Date`): `2024-03-05`. */
export class RubyDate extends Date {
  override toString(): string {
    return this.toISOString().slice(0, 10)
  }

  override toJSON(): string {
    return this.toString()
  }
}

/**
 * A time (Ruby's `Time`): a document's date, `site.time`, a YAML time:
 * `2024-03-05 10:30:00 +0000`. Printed in UTC, the zone the preview reads
 * dates in (a post's file-name date is midnight UTC), so the day shown is the
 * day written; Jekyll prints the zone it runs in, the same on a UTC machine.
 */
export class RubyTime extends Date {
  override toString(): string {
    const iso = this.toISOString()
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`
  }

  override toJSON(): string {
    return this.toString()
  }
}

export function rubyTime(time: Date | number): RubyTime {
  return new RubyTime(typeof time === 'number' ? time : time.getTime())
}

const DATE_ALONE = /^\s*\d{4}-\d\d?-\d\d?\s*$/

/**
 * YAML 1.1's timestamps read as Ruby's Psych reads them: a date alone becomes
 * a `RubyDate`, one with a time a `RubyTime` (same instant as the yaml
 * package's own reading).
 */
function rubyTimestamps(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp') return tag
    if (!('resolve' in tag) || typeof tag.resolve !== 'function') return tag
    const resolve = tag.resolve.bind(tag) as (source: string, ...rest: unknown[]) => unknown
    return {
      ...tag,
      resolve: (source: string, ...rest: unknown[]) => {
        const value = resolve(source, ...rest)
        if (!(value instanceof Date)) return value
        return DATE_ALONE.test(source) ? new RubyDate(value.getTime()) : rubyTime(value)
      },
    }
  }) as Tags
}

/** How the preview parses front matter: YAML 1.1 as Psych (`date: 2018-04-12` is a date). */
export const FRONT_MATTER_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: rubyTimestamps,
}

/**
 * Pages render in a worker thread, and a message to it keeps a `Date`'s time but
 * not its class: a `RubyDate` would arrive as a time. It crosses as a small
 * record instead (`packRubyDates` before `postMessage`, `unpackRubyDates` on
 * arrival), and any other date arrives as a `RubyTime`. Copies only what holds
 * a date; shared and circular YAML aliases stay shared.
 */
const PACKED = 'atelier:ruby-date'

export function packRubyDates<T>(value: T): T {
  return mapDates(value, (date) =>
    date instanceof RubyDate ? { [PACKED]: date.getTime() } : date,
  ) as T
}

export function unpackRubyDates<T>(value: T): T {
  return mapDates(
    value,
    (date) => rubyTime(date),
    (record) => {
      const time = record[PACKED]
      return typeof time === 'number' && Object.keys(record).length === 1
        ? new RubyDate(time)
        : undefined
    },
  ) as T
}

function mapDates(
  value: unknown,
  onDate: (date: Date) => unknown,
  onRecord?: (record: Record<string, unknown>) => unknown,
  seen = new Map<object, unknown>(),
): unknown {
  if (value instanceof Date) return onDate(value)
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) return seen.get(value)
  if (!Array.isArray(value) && onRecord) {
    const replaced = onRecord(value as Record<string, unknown>)
    if (replaced !== undefined) return replaced
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  const plain = Array.isArray(value) || prototype === Object.prototype || prototype === null
  // Buffers, sets and class instances are not YAML data: left as they are (maps are walked).
  if (!plain && !(value instanceof Map)) return value
  seen.set(value, value)
  let copy: unknown[] | Record<string, unknown> | Map<unknown, unknown> | null = null
  const entries: [unknown, unknown][] =
    value instanceof Map ? [...value] : Object.entries(value as Record<string, unknown>)
  entries.forEach(([key, item], index) => {
    const mapped = mapDates(item, onDate, onRecord, seen)
    if (mapped === item || copy) {
      if (copy) put(copy, key, mapped, index)
      return
    }
    copy =
      value instanceof Map ? new Map() : Array.isArray(value) ? [] : ({} as Record<string, unknown>)
    seen.set(value, copy)
    entries.slice(0, index).forEach(([k, v], i) => put(copy!, k, v, i))
    put(copy, key, mapped, index)
  })
  return copy ?? value
}

function put(
  target: unknown[] | Record<string, unknown> | Map<unknown, unknown>,
  key: unknown,
  item: unknown,
  index: number,
): void {
  if (target instanceof Map) target.set(key, item)
  else if (Array.isArray(target)) target[index] = item
  else target[key as string] = item
}
