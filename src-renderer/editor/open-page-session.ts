import { i18n } from '../i18n/i18n.js'
import { api } from '../api/client.js'
import { attempt } from '../ui/report-failure.js'
import { editorStatusStore } from '../stores/editor-status-store.js'
import { setTabDirty } from '../stores/tabs-store.js'
import { notify } from '../stores/ui-store.js'
import { applySavedPage } from '../stores/saved-page.js'
import { refreshIndex, workspaceStore } from '../stores/workspace-store.js'
import { reportTextChanged } from '../stores/active-editor.js'
import { keepPageSession, keptPageSession } from './kept-sessions.js'
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

/** The session of a page's tab: the one kept since the tab was left, or a new one. */
export function pageSessionFor(path: string): PageSession {
  let session = keptPageSession(path)
  if (!session) {
    session = openPageSession(path)
    keepPageSession(path, session)
  }
  return session
}
