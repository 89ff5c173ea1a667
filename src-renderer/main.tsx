import '@vscode/codicons/dist/codicon.css'
import 'allotment/dist/style.css'
import './styles/workbench.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { i18n } from './i18n/i18n.js'
import { Workbench } from './shell/Workbench.js'
import { failureNotice } from './stores/failure-notice.js'
import { followVersionsEvents, refreshVersions } from './stores/versions-store.js'
import {
  followActivePageChecks,
  followWorkspaceEvents,
  loadWorkspace,
} from './stores/workspace-store.js'
import { restoreOpenTabs } from './stores/open-tabs.js'
import { loadPageEditorWhenIdle } from './editor/load-page-editor.js'
import { reportFailuresWith } from './ui/report-failure.js'
import { followSyncProgress } from './stores/sync-actions.js'

// Before the first render: a widget's failed action must already become a notice.
reportFailuresWith(failureNotice)

const root = createRoot(document.getElementById('root') as HTMLElement)
root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Workbench />
    </I18nextProvider>
  </StrictMode>,
)
followWorkspaceEvents()
followActivePageChecks()
followVersionsEvents()
followSyncProgress()
void loadWorkspace()
  // Last launch's tabs, before the page is said ready.
  .then(() => restoreOpenTabs())
  // The explorer's decorations and the status bar need the versions status from the start.
  .then(() => refreshVersions())
  .catch((error: unknown) => console.error(error))
  .finally(() => {
    document.body.setAttribute('data-ready', 'true')
    loadPageEditorWhenIdle()
  })
