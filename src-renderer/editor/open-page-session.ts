import { i18n } from '../i18n/i18n.js'
import { api } from '../api/client.js'
import { attempt } from '../ui/report-failure.js'
import { editorStatusStore } from '../stores/editor-status-store.js'
import { setTabDirty, tabsStore } from '../stores/tabs-store.js'
import { notify } from '../stores/ui-store.js'
import { applySavedPage } from '../stores/saved-page.js'
import { refreshIndex, workspaceStore } from '../stores/workspace-store.js'
import { beforeFolderChange } from '../stores/folder-change.js'
import { reportTextChanged } from '../stores/active-editor.js'
import { PageSession } from './page-session.js'

/** A page session wired to the workbench: the tab's dot, the status bar, notices, the preview. */
export function openPageSession(path: string): PageSession {
  return new PageSession({
    path,
    api,
    autosave: () => workspaceStore.get().settings.autosave,
    copySuffix: () => i18n.t('editor.copySuffix'),
    effects: {
      dirty: (value) => setTabDirty(path, value),
      words: (words) => editorStatusStore.set({ words }),
      textChanged: () => reportTextChanged(path),
      saved: applySavedPage,
      copied(name, onClose) {
        notify(onClose ? 'editor.copySavedOnClose' : 'editor.copySaved', { name })
        void attempt(refreshIndex)
      },
      failed: (error) => void attempt(() => Promise.reject(error)),
    },
  })
}

/**
 * The sessions of the open tabs: leaving a tab keeps its session, so unsaved text
 * (autosave off) is still there on coming back, and can still be saved on closing.
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

/** The session of a page's tab: the one kept since the tab was left, or a new one. */
export function pageSessionFor(path: string): PageSession {
  let session = kept.get(path)
  if (!session) {
    session = openPageSession(path)
    kept.set(path, session)
  }
  return session
}

/** The session kept for a tab, if its page was opened. */
export function keptPageSession(path: string): PageSession | undefined {
  return kept.get(path)
}
