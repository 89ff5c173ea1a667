import type { PageIndexSnapshot, SavedPage } from '../../src-shared/api/types.js'
import { applyChangeOf } from './versions-store.js'
import { workspaceStore } from './workspace-store.js'

/**
 * What `pages.save` answered, applied to the stores in place of reading the index, the status
 * and « Problèmes » again (main no longer echoes our own saves of a page's text): the page's
 * line in the explorer, its letter, a mark that views comparing with the disk follow, and
 * « Problèmes » marked to be read again when it shows (a page's Liquid may have changed).
 */
export function applySavedPage(saved: SavedPage): void {
  const { index } = workspaceStore.get()
  workspaceStore.set({
    index: index && withEntry(index, saved),
    lastSaved: { path: saved.path, at: Date.now() },
    problemsStale: true,
  })
  applyChangeOf(saved.path, saved.change)
}

function withEntry(index: PageIndexSnapshot, saved: SavedPage): PageIndexSnapshot {
  const { entry } = saved
  const at = index.pages.findIndex((page) => page.path === saved.path)
  // A save that made a page the index did not list changed more than its text: main then
  // tells of it as of any other change, and the index is read again.
  if (!entry || at < 0) return index
  return { ...index, pages: index.pages.map((page, i) => (i === at ? entry : page)) }
}
