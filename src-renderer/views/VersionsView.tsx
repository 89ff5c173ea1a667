import { useEffect } from 'react'
import { IconButton } from '../ui/IconButton.js'
import { useTranslation } from 'react-i18next'
import { attempt } from '../ui/report-failure.js'
import { useStore } from '../stores/store.js'
import { openDialog, openPalette } from '../stores/ui-store.js'
import { refreshVersions, versionsStore } from '../stores/versions-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { ChangesList } from './versions/ChangesList.js'
import { CommitBox } from './versions/CommitBox.js'
import { ConflictPanel } from './versions/ConflictPanel.js'
import { HistoryList } from './versions/HistoryList.js'
import { LockWarning } from './versions/LockWarning.js'
import { TrashList } from './versions/TrashList.js'
import { startHistory } from '../stores/versions-actions.js'
import { SyncPanel } from './sync/SyncPanel.js'

/** « Versions », after VS Code's Source Control: changes, the message and its button, the history. */
export function VersionsView() {
  const { t } = useTranslation()
  const info = useStore(workspaceStore, (state) => state.info)
  const status = useStore(versionsStore, (state) => state.status)

  useEffect(() => {
    void attempt(refreshVersions)
  }, [info])

  return (
    <section className="view versions-view">
      <header className="view-header">
        <h2>{t('views.versions')}</h2>
        <div className="view-actions">
          {status?.repository && (
            <IconButton
              icon="git-branch"
              label={t('versions.contribution.pick')}
              onClick={() => openPalette('contributions')}
            />
          )}
          <IconButton
            icon="cloud-download"
            label={t('sync.openOnline')}
            onClick={() => openDialog({ kind: 'clone-guide' })}
          />
          <IconButton
            icon="refresh"
            label={t('explorer.refresh')}
            onClick={() => void attempt(refreshVersions)}
            disabled={!info}
          />
        </div>
      </header>
      <div className="versions-body">
        {!info ? (
          <p className="view-empty">{t('app.noWorkspace')}</p>
        ) : !status ? null : !status.repository ? (
          <div className="versions-start">
            <p>{t('versions.noRepository')}</p>
            <button type="button" className="button" onClick={() => void attempt(startHistory)}>
              <span className="codicon codicon-history" aria-hidden="true" />
              {t('versions.startHistory')}
            </button>
          </div>
        ) : (
          <>
            {status.lock && <LockWarning ageSeconds={status.lock.ageSeconds} />}
            {status.merge && <ConflictPanel merge={status.merge} />}
            <SyncPanel />
            <CommitBox />
            <ChangesList changes={status.changes} />
            <TrashList changes={status.changes} />
            <HistoryList status={status} />
          </>
        )}
      </div>
    </section>
  )
}
