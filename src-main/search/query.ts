import type {
  SearchMatch,
  SearchOptions,
  SearchPageResult,
  SearchResults,
} from '../../src-shared/api/search-types.js'
import { fold, foldWithMap, originalRange } from '../../src-shared/text/fold.js'
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

/**
 * Searches the pages: case and accents folded (« egalite » finds « Égalité »), whole words or
 * any part of them, in one collection or all. Matches are grouped by page, in the index's
 * order; past `limit` matches only the count goes on.
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
      total++
      const index = lineAt(page.starts, at)
      if (sent >= limit || index === lastLine) continue
      lastLine = index
      const line = page.lines[index]!
      for (const range of matchRanges(line.text, needle, options.wholeWord)) {
        if (sent >= limit) break
        matches.push(shown(line.text, range, line.line))
        sent++
      }
    }
    if (matches.length > 0) {
      found.push({ path: page.path, title: page.title, collection: page.collection, matches })
    }
  }
  return { pages: found, total, truncated: total > sent }
}
