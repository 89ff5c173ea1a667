import type {
  ReplacePlan,
  SearchMatch,
  SearchOptions,
  SearchResults,
} from '../../src-shared/api/search-types.js'
import { api } from '../api/client.js'
import { createStore } from './store.js'
import { openTab } from './tabs-store.js'

interface SearchState extends SearchOptions {
  replacement: string
  /** The answer to the latest search; null before any, or when the field is empty. */
  results: SearchResults | null
  searching: boolean
  /** The replacement's changes, previewed for the options they were planned with. */
  plan: ReplacePlan | null
  /** What the last « Remplacer partout » did, until the search or replacement changes. */
  done: { matches: number; pages: number } | null
}

/** « Rechercher »: what is asked, what was found, and the replacement being previewed. */
export const searchStore = createStore<SearchState>({
  query: '',
  wholeWord: false,
  collection: null,
  replacement: '',
  results: null,
  searching: false,
  plan: null,
  done: null,
})

/** Typing waits this long after the last key before searching. */
export const SEARCH_DELAY_MS = 200

let asked = 0
let timer: ReturnType<typeof setTimeout> | null = null

function options(): SearchOptions {
  const { query, wholeWord, collection } = searchStore.get()
  return { query, wholeWord, collection }
}

/**
 * Searches now. Two searches may cross (typing, then a toggle): only the answer to the latest
 * one is kept, so older results never replace newer ones.
 */
export async function runSearch(): Promise<void> {
  if (timer) clearTimeout(timer)
  timer = null
  const ticket = ++asked
  const asking = options()
  if (!asking.query.trim()) {
    searchStore.set({ results: null, searching: false })
    return
  }
  searchStore.set({ searching: true })
  try {
    const results = await api.call('search.query', asking)
    if (ticket === asked) searchStore.set({ results })
  } finally {
    if (ticket === asked) searchStore.set({ searching: false })
  }
}

/**
 * Has main read the pages' texts while the user types the first words (the first search of a
 * large guide reads every page): an empty query finds nothing but builds the index.
 */
export async function warmSearch(): Promise<void> {
  await api
    .call('search.query', { query: '', wholeWord: false, collection: null })
    .catch(() => null)
}

/** Searches again soon (after typing, or a change of the pages), once for many calls. */
export function searchSoon(): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => void runSearch().catch(() => undefined), SEARCH_DELAY_MS)
}

/** A change of what is asked: the preview planned for the old question no longer holds. */
function ask(patch: Partial<SearchOptions>): void {
  searchStore.set({ ...patch, plan: null, done: null })
}

export function setQuery(query: string): void {
  ask({ query })
  searchSoon()
}

export function setWholeWord(wholeWord: boolean): Promise<void> {
  ask({ wholeWord })
  return runSearch()
}

export function setCollection(collection: string | null): Promise<void> {
  ask({ collection })
  return runSearch()
}

export function setReplacement(replacement: string): void {
  searchStore.set({ replacement, plan: null, done: null })
}

/** « Aperçu »: every line the replacement would change, planned on the pages as they are now. */
export async function previewReplace(): Promise<void> {
  const { replacement } = searchStore.get()
  const asking = options()
  if (!asking.query.trim()) return
  const plan = await api.call('search.replacePlan', { ...asking, replacement })
  // Planned for what is still asked: a question changed meanwhile gets no stale preview.
  const now = searchStore.get()
  if (
    now.query === asking.query &&
    now.wholeWord === asking.wholeWord &&
    now.collection === asking.collection &&
    now.replacement === replacement
  ) {
    searchStore.set({ plan, done: null })
  }
}

/**
 * « Remplacer partout »: the pages previewed, each over the version previewed, as one change.
 * A page changed since is refused by main (nothing written); the preview is dropped either
 * way, and the results read again.
 */
export async function applyReplace(): Promise<void> {
  const { plan, replacement } = searchStore.get()
  if (!plan || plan.pages.length === 0) return
  try {
    const done = await api.call('search.replaceApply', {
      ...options(),
      replacement,
      pages: plan.pages.map(({ path, hash }) => ({ path, hash })),
    })
    searchStore.set({ done })
  } finally {
    searchStore.set({ plan: null })
    await runSearch()
  }
}

export function cancelReplace(): void {
  searchStore.set({ plan: null })
}

/** Opens the page at the match, the words selected in the editor. */
export function openMatch(path: string, match: SearchMatch): void {
  openTab(path, { line: match.line, text: match.text })
}

/** Every match of the latest results. */
export function matchCount(results: SearchResults): number {
  return results.pages.reduce((sum, page) => sum + page.matches.length, 0)
}
