/**
 * What « Rechercher » asks and answers: full-text search over the pages (title, settings
 * values, body), folded for case and accents, and replacement across pages.
 */

/** Bounds of a search, checked by the contract. */
export const SEARCH_QUERY_LIMIT = 200
export const SEARCH_RESULT_LIMIT = 1000
/** A replacement changing more lines than this is refused: its preview could not be read. */
export const REPLACE_LINE_LIMIT = 5000

export interface SearchOptions {
  query: string
  /** Whole words only (« égal » does not find « égalité »). */
  wholeWord: boolean
  /** Only the pages of this collection (`pages`, `posts`, or a collection of `_config.yml`). */
  collection: string | null
}

/** One place the words were found. */
export interface SearchMatch {
  /** 1-based line of the page's file, front matter included. */
  line: number
  /** The words found, as written in the page. */
  text: string
  /** A little of the line before and after them, for the list. */
  before: string
  after: string
}

/** A page with its matches, in the order of the page index. */
export interface SearchPageResult {
  path: string
  title: string
  collection: string
  matches: SearchMatch[]
}

export interface SearchResults {
  pages: SearchPageResult[]
  /** Every match in the site, including those past the limit. */
  total: number
  /** More matches than were sent. */
  truncated: boolean
}

/** A line a replacement changes, before and after. */
export interface ReplaceLineChange {
  line: number
  before: string
  after: string
}

/** The changes of one page, and the version of the file they were planned on. */
export interface ReplacePagePlan {
  path: string
  title: string
  /** sha256 of the file when planned: the replacement writes only over this version. */
  hash: string
  changes: ReplaceLineChange[]
}

export interface ReplacePlan {
  pages: ReplacePagePlan[]
  /** How many occurrences are replaced. */
  matches: number
}
