import type { ContentTypesResult } from '../../src-shared/content-types/content-types.js'
import { CONTENT_TYPES_FILE } from '../../src-shared/content-types/file-name.js'
import type {
  ConfigProblem,
  PageEntry,
  PageIndexSnapshot,
  Settings,
  SiteProblem,
  WorkspaceInfo,
} from '../../src-shared/api/types.js'
import { api } from '../api/client.js'
import { setLanguage } from '../i18n/i18n.js'
import { createStore } from './store.js'
import { openDialog } from './ui-store.js'
import { closeAllTabs, tabsStore } from './tabs-store.js'
import { changeFolder } from './folder-change.js'
import { onActiveTextChanged, type ActiveText } from './active-editor.js'
import type { LiveProblems } from './problem-groups.js'

interface WorkspaceState {
  info: WorkspaceInfo | null
  index: PageIndexSnapshot | null
  settings: Settings
  shell: 'electron' | 'host'
  /** The forms of `_atelier.yml` (null: none, or a problem with the file). */
  contentTypes: ContentTypesResult | null
  /** `_config.yml`, `_data/…` and `_atelier.yml` files that cannot be read. */
  configProblems: ConfigProblem[]
  /** Paths reported changed by the last watcher event, so open pages can reload. */
  lastChanged: { paths: string[]; at: number }
  /**
   * The last page this editor saved (main does not echo it as a change): views compared with
   * the disk follow it; the editor that saved it already knows its text.
   */
  lastSaved: { path: string; at: number }
  /** A save may have changed what « Problèmes » lists: read again when the view shows. */
  problemsStale: boolean
  /** The whole guide's checks, as the background check last made them (errors first). */
  siteProblems: SiteProblem[]
  /** The open page's checks as typed, before it is saved. */
  liveProblems: LiveProblems | null
}

export const workspaceStore = createStore<WorkspaceState>({
  info: null,
  index: null,
  settings: { language: 'fr', autosave: true, author: null, recentWorkspaces: [] },
  shell: 'electron',
  contentTypes: null,
  configProblems: [],
  lastChanged: { paths: [], at: 0 },
  lastSaved: { path: '', at: 0 },
  problemsStale: false,
  siteProblems: [],
  liveProblems: null,
})

/**
 * Whether `loadWorkspace` has the first folder: the window loads while main opens it, so main's
 * `workspace.changed` for that opening can come first, and is then not a change.
 */
let startedUp = false

export async function loadWorkspace(): Promise<void> {
  // The list of pages is asked with the rest, not after the workbench first draws the folder:
  // it is what the explorer waits for. With no folder open it fails, and is not used.
  const listing = Promise.all([
    api.call('pages.index', {}),
    api.call('workspace.contentTypes', {}),
  ] as const)
  listing.catch(() => undefined)
  const [info, settings, app] = await Promise.all([
    api.call('workspace.current', {}),
    api.call('settings.get', {}),
    api.call('app.info', {}),
  ])
  await setLanguage(settings.language)
  workspaceStore.set({ info, settings, shell: app.shell })
  startedUp = true
  await refreshIndex({ withContentTypes: true, asked: listing })
  await offerJournal()
}

/** Unsaved text left by a crash is offered back, never applied silently. */
export async function offerJournal(): Promise<void> {
  if (!workspaceStore.get().info) return
  const entries = await api.call('journal.list', {})
  if (entries.length > 0) openDialog({ kind: 'restore', entries })
}

/** Re-reads the page list; `withContentTypes` also re-reads `_atelier.yml` (on open, or when it changed). */
export async function refreshIndex(
  options: {
    withContentTypes?: boolean
    /** The list and the content types, already asked for (at start-up). */
    asked?: Promise<readonly [PageIndexSnapshot, ContentTypesResult | null]>
  } = {},
): Promise<void> {
  if (!workspaceStore.get().info) {
    workspaceStore.set({
      index: null,
      contentTypes: null,
      configProblems: [],
      siteProblems: [],
      liveProblems: null,
    })
    return
  }
  // The list of pages first, shown as soon as it is known: the checks and the build problems
  // read the whole site (seconds on a large guide), so they are asked for after it.
  const [index, contentTypes] = await (
    options.asked ??
    Promise.all([
      api.call('pages.index', {}),
      options.withContentTypes
        ? api.call('workspace.contentTypes', {})
        : workspaceStore.get().contentTypes,
    ])
  ).finally(() => void refreshSiteProblems())
  workspaceStore.set({ index, contentTypes })
  const configProblems = await api.call('workspace.problems', {})
  workspaceStore.set({ configProblems, problemsStale: false })
}

/** « Problèmes » alone, read again when its view shows after a save (the index is known). */
export async function refreshProblems(): Promise<void> {
  if (!workspaceStore.get().info) return
  workspaceStore.set({ problemsStale: false })
  workspaceStore.set({ configProblems: await api.call('workspace.problems', {}) })
}

/** The checks' list, read when the folder opens or changes (the background check then tells). */
async function refreshSiteProblems(): Promise<void> {
  const root = workspaceStore.get().info?.root
  const problems = await api.call('checks.list', {}).catch(() => null)
  // A list for a folder since left is dropped.
  if (problems && workspaceStore.get().info?.root === root)
    workspaceStore.set({ siteProblems: problems })
}

/** How long the text must rest before the open page is checked as typed (ms). */
const LIVE_CHECK_DELAY = 250

/**
 * The open page is checked as typed, after a pause: its problems replace, in « Problèmes »,
 * those found in its file. A check answered after the text moved on is dropped.
 */
export function followActivePageChecks(delay = LIVE_CHECK_DELAY): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let generation = 0
  const isOpen = (path: string) => tabsStore.get().tabs.some((tab) => tab.path === path)
  const check = async (source: ActiveText) => {
    // A page closed during the pause is not serialised and sent for nothing (its answer would
    // be dropped), perhaps while the next page opens.
    if (!isOpen(source.path)) return
    const asked = ++generation
    const problems = await api
      .call('checks.page', { path: source.path, text: source.current() })
      .catch(() => null)
    if (problems === null || asked !== generation) return
    if (!isOpen(source.path)) return
    workspaceStore.set({ liveProblems: { path: source.path, problems } })
  }
  const off = onActiveTextChanged((source) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void check(source), delay)
  })
  // A page closed without saving: its typed text is gone, and so are its problems as typed.
  const offTabs = tabsStore.subscribe(() => {
    const live = workspaceStore.get().liveProblems
    if (live && !tabsStore.get().tabs.some((tab) => tab.path === live.path))
      workspaceStore.set({ liveProblems: null })
  })
  return () => {
    if (timer) clearTimeout(timer)
    off()
    offTabs()
  }
}

export async function openWorkspace(path: string): Promise<void> {
  // The open pages' pending writes go to their own guide first: after the switch, main
  // would take their paths in the next one.
  const info = await changeFolder(() => api.call('workspace.open', { path }))
  startedUp = true
  closeAllTabs()
  const settings = await api.call('settings.get', {})
  workspaceStore.set({ info, settings, index: null })
  await refreshIndex({ withContentTypes: true })
  await offerJournal()
}

export async function changeAutosave(autosave: boolean): Promise<void> {
  workspaceStore.set({ settings: await api.call('settings.setAutosave', { autosave }) })
}

export async function changeLanguage(language: Settings['language']): Promise<void> {
  const settings = await api.call('settings.setLanguage', { language })
  await setLanguage(settings.language)
  workspaceStore.set({ settings })
}

/** Tells the open pages and the views that follow the disk that these files changed. */
export function reportChanged(paths: string[]): void {
  workspaceStore.set({ lastChanged: { paths, at: Date.now() } })
}

/** Keeps the store in step with changes made on disk by other programs. */
export function followWorkspaceEvents(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let typesChanged = false
  const offIndex = api.on('index.changed', ({ paths }) => {
    reportChanged(paths)
    // Only a change to `_atelier.yml` itself needs the content types read again.
    typesChanged ||= paths.includes(CONTENT_TYPES_FILE)
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      void refreshIndex({ withContentTypes: typesChanged })
      typesChanged = false
    }, 50)
  })
  const offWorkspace = api.on('workspace.changed', (info) => {
    if (!startedUp) return
    // Same folder, another contribution (or a merge): any open page may differ on disk.
    const sameFolder = info !== null && info.root === workspaceStore.get().info?.root
    const paths = tabsStore.get().tabs.map((tab) => tab.path)
    workspaceStore.set(sameFolder ? { info, lastChanged: { paths, at: Date.now() } } : { info })
    void refreshIndex({ withContentTypes: true })
  })
  const offChecks = api.on('checks.changed', ({ problems }) => {
    // The saved file is now what the background check read: its list is the page's again.
    const live = workspaceStore.get().liveProblems
    const saved = live && !isDirty(live.path)
    workspaceStore.set({ siteProblems: problems, ...(saved ? { liveProblems: null } : {}) })
  })
  return () => {
    offIndex()
    offWorkspace()
    offChecks()
  }
}

function isDirty(path: string): boolean {
  return tabsStore.get().tabs.some((tab) => tab.path === path && tab.dirty)
}

export function findPage(path: string): PageEntry | undefined {
  return workspaceStore.get().index?.pages.find((page) => page.path === path)
}
