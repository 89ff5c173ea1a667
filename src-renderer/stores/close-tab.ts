import { closeTab, focusTab, tabsStore } from './tabs-store.js'
import { openDialog } from './ui-store.js'
import { openWorkspace, workspaceStore } from './workspace-store.js'

/**
 * The tabs among `paths` that must ask before closing: a page with unsaved changes while
 * autosave is off. With autosave on, closing saves what is pending (`page-session.ts`).
 */
export function unsavedAmong(paths: readonly string[]): string[] {
  if (workspaceStore.get().settings.autosave) return []
  return tabsStore
    .get()
    .tabs.filter(
      (tab) => paths.includes(tab.path) && tab.dirty && !tab.compare && !tab.review && !tab.file,
    )
    .map((tab) => tab.path)
}

/**
 * Closes tabs as VS Code does: those without unsaved changes at once; for the others, one
 * question listing them all (« Enregistrer », « Ne pas enregistrer », « Annuler »).
 */
export function requestCloseTabs(paths: readonly string[]): void {
  const unsaved = unsavedAmong(paths)
  for (const path of paths) if (!unsaved.includes(path)) closeTab(path)
  if (unsaved.length > 0) openDialog({ kind: 'close-unsaved', paths: unsaved })
}

/** Closes a tab, asking first when its changes would be lost. */
export function requestCloseTab(path: string): void {
  requestCloseTabs([path])
}

/** « Fermer les autres onglets »: `path` stays, active; the others close as `requestCloseTabs` does. */
export function requestCloseOtherTabs(path: string): void {
  focusTab(path)
  requestCloseTabs(tabsStore.get().tabs.flatMap((tab) => (tab.path === path ? [] : [tab.path])))
}

/**
 * Opens another folder, its tabs closing first: with unsaved changes and autosave off, the
 * same question as closing them, the folder opening once they are saved or dropped.
 */
export async function requestOpenWorkspace(path: string): Promise<void> {
  const unsaved = unsavedAmong(tabsStore.get().tabs.map((tab) => tab.path))
  if (unsaved.length === 0) return openWorkspace(path)
  openDialog({ kind: 'close-unsaved', paths: unsaved, then: () => openWorkspace(path) })
}
