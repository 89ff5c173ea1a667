import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores/store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { attempt } from '../../ui/report-failure.js'
import { SyncProgress } from './SyncProgress.js'
import {
  cancelSync,
  loadFullHistory,
  publish,
  receiveNews,
  refreshRemotes,
  syncStore,
} from '../../stores/sync-actions.js'

/**
 * The Versions view's « En ligne » part: « Recevoir les nouveautés », « Publier »,
 * « Charger tout l'historique » for a light copy, and the transfer under way with
 * « Annuler ». A guide with no server says how to get one.
 */
export function SyncPanel() {
  const { t } = useTranslation()
  const info = useStore(workspaceStore, (state) => state.info)
  const remotes = useStore(syncStore, (state) => state.remotes)
  const task = useStore(syncStore, (state) => state.task)
  const progress = useStore(syncStore, (state) => state.progress)

  useEffect(() => {
    void attempt(refreshRemotes)
  }, [info?.root])

  if (!remotes) return null
  const busy = task !== null
  return (
    <section className="sync-panel" aria-label={t('sync.panelTitle')}>
      {remotes.remotes.length === 0 ? (
        <p className="sync-none">{t('sync.noRemote')}</p>
      ) : (
        <>
          <div className="sync-actions">
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void attempt(receiveNews)}
            >
              <span className="codicon codicon-cloud-download" aria-hidden="true" />
              {t('sync.receive')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void attempt(publish)}
            >
              <span className="codicon codicon-cloud-upload" aria-hidden="true" />
              {t('sync.publish')}
            </button>
          </div>
          {remotes.shallow && (
            <p className="sync-light">
              {t('sync.lightCopy')}{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => void attempt(loadFullHistory)}
              >
                {t('sync.deepen')}
              </button>
            </p>
          )}
        </>
      )}
      {task !== null && task !== 'clone' && (
        <div className="sync-running">
          <span>{t(`sync.task.${task}`)}</span>
          <SyncProgress progress={progress} />
          <button
            type="button"
            className="button secondary"
            onClick={() => void attempt(cancelSync)}
          >
            {t('sync.cancel')}
          </button>
        </div>
      )}
    </section>
  )
}
