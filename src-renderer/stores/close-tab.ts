import { closeTab, tabsStore } from './tabs-store.js'
import { openDialog } from './ui-store.js'
import { workspaceStore } from './workspace-store.js'

/**
 * Closes a tab as VS Code does: with unsaved changes and autosave off, asks first
 * (« Enregistrer », « Ne pas enregistrer », « Annuler »). With autosave on, closing
 * saves what is pending (`page-session.ts`), so nothing is asked.
 */
export function requestCloseTab(path: string): void {
  const tab = tabsStore.get().tabs.find((candidate) => candidate.path === path)
  if (tab?.dirty && !tab.compare && !tab.review && !workspaceStore.get().settings.autosave) {
    openDialog({ kind: 'close-unsaved', path })
    return
  }
  closeTab(path)
}
