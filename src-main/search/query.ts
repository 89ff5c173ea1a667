import type {
  SearchMatch,
  SearchOptions,
  SearchPageResult,
  SearchResults,
} from '../../src-shared/api/search-types.js'
import { fold, foldWithMap, originalRange } from '../../src-shared/text/fold.js'
import { visibleText } from '../../src-shared/text/visible-text.js'
import type { SearchLine } from './page-lines.js'
import type { IndexedPage } from './search-index.js'

/** How much of the line is shown around the words, at most. */
const CONTEXT_BEFORE = 40
const CONTEXT_AFTER = 80

const WORD = /[\p{L}\p{N}_]/u

/** The query as it is compared: folded, spaces at its ends dropped; empty finds nothing. */
export function foldedQuery(query: string): string {
  return fold(query.trim())
}

/** Whether the folded text has a word character just before `from` or at `to`. */
function insideWord(folded: string, from: number, to: number): boolean {
  return WORD.test(folded.charAt(from - 1)) || WORD.test(folded.charAt(to))
}

/** Where `needle` is in `folded` (non-overlapping, left to right), whole words only if asked. */
export function* foldedMatches(
  folded: string,
  needle: string,
  wholeWord: boolean,
): Generator<number> {
  if (!needle) return
  let from = folded.indexOf(needle)
  while (from >= 0) {
    if (!wholeWord || !insideWord(folded, from, from + needle.length)) {
      yield from
      from = folded.indexOf(needle, from + needle.length)
    } else {
      from = folded.indexOf(needle, from + 1)
    }
  }
}

/** The line of `page` holding folded offset `at` (lines' starts ascending). */
function lineAt(starts: number[], at: number): number {
  let [low, high] = [0, starts.length - 1]
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= at) low = middle
    else high = middle - 1
  }
  return low
}

/** The ranges of the original `text` the folded matches cover. */
export function matchRanges(text: string, needle: string, wholeWord: boolean): [number, number][] {
  const map = foldWithMap(text)
  return [...foldedMatches(map.folded, needle, wholeWord)].map((at) =>
    originalRange(map, at, at + needle.length),
  )
}

function shown(text: string, [start, end]: [number, number], line: number): SearchMatch {
  const from = Math.max(0, start - CONTEXT_BEFORE)
  const to = Math.min(text.length, end + CONTEXT_AFTER)
  return {
    line,
    text: text.slice(start, end),
    before: `${from > 0 ? '…' : ''}${text.slice(from, start).trimStart()}`,
    after: `${text.slice(end, to).trimEnd()}${to < text.length ? '…' : ''}`,
  }
}

/** The folded pieces of the line of `piece` (as written, and as shown when it differs). */
function piecesOf(page: IndexedPage, piece: number): string[] {
  const line = page.lineOf[piece]
  const pieces: string[] = []
  while (piece > 0 && page.lineOf[piece - 1] === line) piece--
  for (; page.lineOf[piece] === line; piece++) {
    const end = piece + 1 < page.starts.length ? page.starts[piece + 1]! - 1 : page.folded.length
    pieces.push(page.folded.slice(page.starts[piece], end))
  }
  return pieces
}

function count(text: string, needle: string, options: SearchOptions): number {
  let found = 0
  for (const _ of foldedMatches(text, needle, options.wholeWord)) found++
  return found
}

/**
 * A line's matches: where the words are as written, then where they are only as shown (across
 * markup: `registre **public**`), those shown in the words a reader sees, as the editor does.
 */
export function lineMatches(line: SearchLine, needle: string, wholeWord: boolean): SearchMatch[] {
  const written = matchRanges(line.text, needle, wholeWord)
  const matches = written.map((range) => shown(line.text, range, line.line))
  if (line.settings) return matches
  const visible = visibleText(line.text)
  const seen = new Set(written.map(([start, end]) => `${start}:${end}`))
  for (const [start, end] of matchRanges(visible.text, needle, wholeWord)) {
    const original = `${visible.origin[start]!}:${visible.origin[end - 1]! + 1}`
    if (!seen.has(original)) matches.push(shown(visible.text, [start, end], line.line))
  }
  return matches
}

/**
 * Searches the pages: case and accents folded (« egalite » finds « Égalité »), whole words or
 * any part of them, in one collection or all, as written and as shown (past Markdown's marks).
 * Matches are grouped by page, in the index's order; past `limit` matches only the count goes on.
 */
export function searchPages(
  pages: readonly IndexedPage[],
  options: SearchOptions,
  limit: number,
): SearchResults {
  const needle = foldedQuery(options.query)
  const found: SearchPageResult[] = []
  let total = 0
  let sent = 0
  if (!needle) return { pages: found, total, truncated: false }
  for (const page of pages) {
    if (options.collection !== null && page.collection !== options.collection) continue
    const matches: SearchMatch[] = []
    // Lines are compared whole: the folded page says which lines to look at.
    let lastLine = -1
    for (const at of foldedMatches(page.folded, needle, options.wholeWord)) {
      const piece = lineAt(page.starts, at)
      const index = page.lineOf[piece]!
      if (index === lastLine) continue
      lastLine = index
      if (sent >= limit) {
        // Past the limit only the count goes on, from the folded pieces: the larger of the
        // line's matches as written and as shown.
        const counts = piecesOf(page, piece).map((text) => count(text, needle, options))
        total += Math.max(...counts)
        continue
      }
      const inLine = lineMatches(page.lines[index]!, needle, options.wholeWord)
      total += inLine.length
      for (const match of inLine) {
        if (sent >= limit) break
        matches.push(match)
        sent++
      }
    }
    if (matches.length > 0) {
      found.push({ path: page.path, title: page.title, collection: page.collection, matches })
    }
  }
  return { pages: found, total, truncated: total > sent }
}
