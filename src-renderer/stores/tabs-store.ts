import { createStore } from './store.js'

export interface Tab {
  /** Workspace-relative path of the page: also the tab's identity (a comparison's id for those). */
  path: string
  dirty: boolean
  /** Set for a tab that compares two versions of a page rather than editing it. */
  compare?: Comparison
  /** Set for a tab that reviews a contribution (« Relecture »). */
  review?: { branch: string }
  /** Set for a tab that shows a file of the site that is not a page (an image, `_config.yml`). */
  file?: string
}

/** Opens (or focuses) the review of a contribution. */
export function openReview(branch: string): void {
  const id = `review:${branch}`
  tabsStore.set(({ tabs }) => ({
    tabs: tabs.some((tab) => tab.path === id)
      ? tabs
      : [...tabs, { path: id, dirty: false, review: { branch } }],
    active: id,
  }))
}

/** A page at `from` compared with `to`, or with the page on disk when `to` is absent. */
export interface Comparison {
  page: string
  from: string
  to?: string
  /** When `from` was saved (ISO 8601), for the title; absent for the last version. */
  date?: string
}

/** Opens (or focuses) a tab comparing two versions of a page. */
export function openComparison(comparison: Comparison): void {
  const id = `compare:${comparison.from}:${comparison.to ?? ''}:${comparison.page}`
  tabsStore.set(({ tabs }) => ({
    tabs: tabs.some((tab) => tab.path === id)
      ? tabs
      : [...tabs, { path: id, dirty: false, compare: comparison }],
    active: id,
  }))
}

/** The page the active tab shows, edited or compared. */
export function activePage(state: TabsState): string | null {
  const tab = state.tabs.find((candidate) => candidate.path === state.active)
  if (!tab || tab.review) return null
  return tab.compare?.page ?? tab.path
}

/** A place in a page to show once its editor is ready: a line of the file, and the words there. */
export interface Reveal {
  /** 1-based line of the page's file (front matter included), as search and checks report it. */
  line: number
  /** The words to select on that line, when known (a search match, a broken link). */
  text?: string
}

interface TabsState {
  tabs: Tab[]
  active: string | null
  /** The place the page's editor shows next; taken (cleared) by the editor once shown. */
  reveal: (Reveal & { path: string }) | null
}

export const tabsStore = createStore<TabsState>({ tabs: [], active: null, reveal: null })

/** Opens a page in a tab, or focuses its tab when it is already open; `reveal` shows a place in it. */
export function openTab(path: string, reveal?: Reveal): void {
  tabsStore.set(({ tabs }) => ({
    tabs: tabs.some((tab) => tab.path === path) ? tabs : [...tabs, { path, dirty: false }],
    active: path,
    reveal: reveal ? { ...reveal, path } : null,
  }))
}

/** The place to show in `path`'s editor, cleared so it is shown once. */
export function takeReveal(path: string): Reveal | null {
  const { reveal } = tabsStore.get()
  if (!reveal || reveal.path !== path) return null
  tabsStore.set({ reveal: null })
  return { line: reveal.line, ...(reveal.text !== undefined ? { text: reveal.text } : {}) }
}

export function focusTab(path: string): void {
  if (tabsStore.get().tabs.some((tab) => tab.path === path)) tabsStore.set({ active: path })
}

/** Closes a tab; the neighbour to its right (or left) becomes active, as in VS Code. */
export function closeTab(path: string): void {
  tabsStore.set(({ tabs, active }) => {
    const index = tabs.findIndex((tab) => tab.path === path)
    if (index < 0) return {}
    const rest = tabs.filter((tab) => tab.path !== path)
    const next = active === path ? ((rest[index] ?? rest[index - 1] ?? null)?.path ?? null) : active
    return { tabs: rest, active: next }
  })
}

export function closeOtherTabs(path: string): void {
  tabsStore.set(({ tabs }) => ({ tabs: tabs.filter((tab) => tab.path === path), active: path }))
}

export function closeAllTabs(): void {
  tabsStore.set({ tabs: [], active: null })
}

/** Moves the focus `step` tabs along, wrapping around. */
export function cycleTab(step: 1 | -1): void {
  const { tabs, active } = tabsStore.get()
  if (tabs.length === 0) return
  const index = tabs.findIndex((tab) => tab.path === active)
  const next = tabs[(index + step + tabs.length) % tabs.length]
  if (next) tabsStore.set({ active: next.path })
}

/** Follows a rename or delete made from the explorer. */
export function retargetTab(from: string, to: string | null): void {
  if (to === null) return closeTab(from)
  tabsStore.set(({ tabs, active }) => ({
    tabs: tabs.map((tab) => (tab.path === from ? { ...tab, path: to } : tab)),
    active: active === from ? to : active,
  }))
}

/** The editor reports unsaved changes; the tab shows a dot instead of its close button. */
export function setTabDirty(path: string, dirty: boolean): void {
  const { tabs } = tabsStore.get()
  if (!tabs.some((tab) => tab.path === path && tab.dirty !== dirty)) return
  tabsStore.set({ tabs: tabs.map((tab) => (tab.path === path ? { ...tab, dirty } : tab)) })
}

/** Opens (or focuses) a file of « Fichiers du site »: shown, never edited. */
export function openFile(path: string): void {
  const id = `file:${path}`
  tabsStore.set(({ tabs }) => ({
    tabs: tabs.some((tab) => tab.path === id)
      ? tabs
      : [...tabs, { path: id, dirty: false, file: path }],
    active: id,
  }))
}
