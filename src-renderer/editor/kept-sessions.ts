import { beforeFolderChange } from '../stores/folder-change.js'
import { tabsStore } from '../stores/tabs-store.js'
import type { PageSession } from './page-session.js'

/**
 * The sessions of the open tabs: leaving a tab keeps its session, so unsaved text
 * (autosave off) is still there on coming back, and can still be saved on closing.
 * Apart from the editor (which loads after the workbench is drawn): closing a tab asks here.
 */
const kept = new Map<string, PageSession>()

/** Drops the sessions of closed tabs. */
function prune(): void {
  const open = new Set(tabsStore.get().tabs.map((tab) => tab.path))
  for (const path of kept.keys()) if (!open.has(path)) kept.delete(path)
}
tabsStore.subscribe(prune)

// Before another folder opens, every open page's pending writes go to its own guide.
beforeFolderChange({
  settle: () => Promise.all([...kept.values()].map((session) => session.leaveFolder())),
  resume: () => kept.forEach((session) => session.resume()),
})

/** The session kept for a tab, if its page was opened. */
export function keptPageSession(path: string): PageSession | undefined {
  return kept.get(path)
}

/** Keeps a page's new session until its tab closes. */
export function keepPageSession(path: string, session: PageSession): void {
  kept.set(path, session)
}
