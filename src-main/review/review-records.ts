import { z } from 'zod'

/**
 * Review records as they are kept in git notes: one JSON object per line
 * (JSON Lines) in the note attached to a version. Lines only ever get added,
 * so merging two people's notes is the union of their lines — git's own
 * `cat_sort_uniq` notes strategy — and order inside a note means nothing
 * (readers sort by date).
 *
 * Notes come from other people's files: parsing is bounded, a malformed line
 * is skipped and counted, a kind this version does not know is ignored (a
 * later Atelier may add kinds), and no parse error ever reaches the user.
 */

// The shapes the renderer shows are the contract's (src-shared/api/review-types.ts).
export type {
  ReviewComment,
  ReviewPerson as Person,
  ReviewStatus,
} from '../../src-shared/api/review-types.js'
import type { ReviewPerson as Person } from '../../src-shared/api/review-types.js'

export type Decision = 'approved' | 'changes-requested' | 'integrated'

export type ReviewRecord =
  | {
      kind: 'comment'
      id: string
      author: Person
      date: string
      path: string
      block: { index: number; hash: string; excerpt: string }
      text: string
      replyTo?: string
    }
  | { kind: 'resolve'; id: string; comment: string; author: Person; date: string }
  | { kind: 'decision'; id: string; decision: Decision; author: Person; date: string }

/** A note larger than this is not read at all (a review note is a few kilobytes). */
export const NOTE_MAX_BYTES = 1024 * 1024
/** Lines past this many in one note are not read. */
export const NOTE_MAX_LINES = 5000
/** A comment's text, in characters. */
export const COMMENT_MAX_CHARS = 10_000
export const EXCERPT_MAX_CHARS = 200

const person = z.object({ name: z.string().max(200), email: z.string().max(320) })
const id = z.string().min(1).max(100)
const date = z
  .string()
  .max(40)
  .refine((text) => !Number.isNaN(Date.parse(text)))

const comment = z.object({
  kind: z.literal('comment'),
  id,
  author: person,
  date,
  path: z.string().min(1).max(4096),
  block: z.object({
    index: z.number().int().min(0).max(1_000_000),
    hash: z.string().regex(/^[0-9a-f]{40}$/),
    excerpt: z.string().max(EXCERPT_MAX_CHARS),
  }),
  text: z.string().min(1).max(COMMENT_MAX_CHARS),
  replyTo: id.optional(),
})
const resolve = z.object({ kind: z.literal('resolve'), id, comment: id, author: person, date })
const decision = z.object({
  kind: z.literal('decision'),
  id,
  decision: z.enum(['approved', 'changes-requested', 'integrated']),
  author: person,
  date,
})
const KNOWN = { comment, resolve, decision } as const

export interface ParsedNote {
  records: ReviewRecord[]
  /** Lines that were not a valid record of a known kind (or past the limits). */
  skipped: number
  /** Valid JSON objects of a kind this version does not know. */
  unknown: number
}

/** Reads a note's lines. Never throws: bad lines are counted in `skipped`. */
export function parseRecords(text: string): ParsedNote {
  const result: ParsedNote = { records: [], skipped: 0, unknown: 0 }
  if (text.length > NOTE_MAX_BYTES) {
    result.skipped = 1
    return result
  }
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    if (i >= NOTE_MAX_LINES) {
      result.skipped++
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      result.skipped++
      continue
    }
    const kind = (value as { kind?: unknown } | null)?.kind
    if (typeof value !== 'object' || value === null || typeof kind !== 'string') {
      result.skipped++
      continue
    }
    if (!Object.hasOwn(KNOWN, kind)) {
      result.unknown++
      continue
    }
    const parsed = KNOWN[kind as keyof typeof KNOWN].safeParse(value)
    if (parsed.success) result.records.push(parsed.data as ReviewRecord)
    else result.skipped++
  }
  return result
}

/**
 * One record as one line (no newline). Keys in a fixed order, so the same
 * record written twice is the same line and a union of notes removes it.
 */
export function serialiseRecord(record: ReviewRecord): string {
  const author = { name: record.author.name, email: record.author.email }
  switch (record.kind) {
    case 'comment':
      return JSON.stringify({
        kind: record.kind,
        id: record.id,
        author,
        date: record.date,
        path: record.path,
        block: {
          index: record.block.index,
          hash: record.block.hash,
          excerpt: record.block.excerpt,
        },
        text: record.text,
        ...(record.replyTo === undefined ? {} : { replyTo: record.replyTo }),
      })
    case 'resolve':
      return JSON.stringify({
        kind: record.kind,
        id: record.id,
        comment: record.comment,
        author,
        date: record.date,
      })
    case 'decision':
      return JSON.stringify({
        kind: record.kind,
        id: record.id,
        decision: record.decision,
        author,
        date: record.date,
      })
  }
}
