import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores/store.js'
import { openDialog } from '../../stores/ui-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { attempt } from '../../ui/report-failure.js'
import { refreshRemotes, syncStore } from '../../stores/sync-actions.js'

/** « Réglages »: the open guide's servers, by name and address (never with credentials). */
export function RemotesList() {
  const { t } = useTranslation()
  const root = useStore(workspaceStore, (state) => state.info?.root)
  const remotes = useStore(syncStore, (state) => state.remotes)
  useEffect(() => {
    void attempt(refreshRemotes)
  }, [root])
  return (
    <div className="field">
      <span>{t('sync.remotes')}</span>
      {remotes && remotes.remotes.length > 0 ? (
        <ul className="remote-list">
          {remotes.remotes.map((remote) => (
            <li key={remote.name}>
              <strong>{remote.name}</strong> <code>{remote.url}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sync-none">{t('sync.noRemotes')}</p>
      )}
      <small>{t('sync.remotesHelp')}</small>
      <button
        type="button"
        className="link-button"
        onClick={() => openDialog({ kind: 'clone-guide' })}
      >
        {t('sync.openOnline')}
      </button>
    </div>
  )
}
