import type {
  ChangeKind,
  FileChange,
  TrashEntry,
  VersionsStatus,
} from '../../src-shared/api/types.js'
import { api } from '../api/client.js'
import { deletedTitles } from './deleted-titles.js'
import { createStore } from './store.js'
import { workspaceStore } from './workspace-store.js'

interface VersionsState {
  /** The last status read from main; null before the first read or without a workspace. */
  status: VersionsStatus | null
  /** The message being written in the Versions view (the palette command saves it too). */
  message: string
  /** Deleted pages in Atelier's trash, newest first (« Remettre la page »). */
  trash: TrashEntry[]
  /** Titles of deleted pages (no longer in the index), by path. */
  deletedTitles: Record<string, string>
}

/** Shared by the Versions view, the explorer's decorations and the status bar. */
export const versionsStore = createStore<VersionsState>({
  status: null,
  message: '',
  trash: [],
  deletedTitles: {},
})

let reading: Promise<void> | null = null
let again = false

/** Reads the status again; calls made while a read runs are merged into one more read. */
export function refreshVersions(): Promise<void> {
  if (reading) {
    again = true
    return reading
  }
  reading = (async () => {
    try {
      do {
        again = false
        if (!workspaceStore.get().info) {
          versionsStore.set({ status: null, trash: [], deletedTitles: {} })
          continue
        }
        const [status, trash] = await Promise.all([
          api.call('versions.status', {}),
          api.call('trash.list', {}),
        ])
        const titles = await deletedTitles(status.changes, trash, (path) =>
          api.call('versions.pageAt', { path, version: 'HEAD' }),
        )
        versionsStore.set({ status, trash, deletedTitles: titles })
      } while (again)
    } finally {
      reading = null
    }
  })()
  return reading
}

/**
 * A save answered the page's letter: the status follows without being read again. A read
 * already running may have started before the save: it is read once more after it.
 */
export function applyChangeOf(path: string, change: ChangeKind | null): void {
  if (reading) again = true
  const status = versionsStore.get().status
  // A conflict is the merge's to say (its list), never the save's.
  if (!status || change === 'conflicted') return
  const changes = withChange(status.changes, path, change)
  if (changes !== status.changes) versionsStore.set({ status: { ...status, changes } })
}

/** The list with `path`'s letter set (or removed); the same list when nothing differs. */
function withChange(changes: FileChange[], path: string, kind: ChangeKind | null): FileChange[] {
  const at = changes.findIndex((change) => change.path === path)
  const current = at >= 0 ? changes[at] : undefined
  // The same letter changes nothing (a rename keeps its old path).
  if (current?.kind === kind || (!current && kind === null)) return changes
  if (kind === null) return changes.filter((_, index) => index !== at)
  if (current) return changes.map((change, index) => (index === at ? { path, kind } : change))
  // Main lists the changes by path: the new one goes where a read would put it.
  const after = changes.findIndex((change) => change.path > path)
  const next = [...changes]
  next.splice(after < 0 ? next.length : after, 0, { path, kind })
  return next
}

/** How a page differs from the last version, or undefined when it does not. */
export function changeKindOf(status: VersionsStatus | null, path: string): ChangeKind | undefined {
  if (status?.merge?.conflicts.includes(path)) return 'conflicted'
  return status?.changes.find((change) => change.path === path)?.kind
}

/** Keeps the status fresh: files changed on disk (debounced), another contribution, focus back. */
export function followVersionsEvents(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const soon = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void refreshVersions().catch(() => undefined), 300)
  }
  const offIndex = api.on('index.changed', soon)
  const offWorkspace = api.on('workspace.changed', soon)
  window.addEventListener('focus', soon)
  return () => {
    offIndex()
    offWorkspace()
    window.removeEventListener('focus', soon)
  }
}
