import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { useStore } from '../../stores/store.js'
import { closeDialogOf } from '../../stores/ui-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { attempt } from '../../ui/report-failure.js'
import { PathField } from '../../ui/PathField.js'
import { firstEmptyRequired } from '../../ui/required-fields.js'
import { useReturnFocus } from '../../ui/return-focus.js'
import { guideName } from '../../../src-shared/sync/guide-name.js'
import { CredentialsFields } from './CredentialsFields.js'
import { SyncProgress } from './SyncProgress.js'
import {
  cancelSync,
  cloneGuide,
  hostOf,
  needsCredentials,
  setCredentials,
  syncStore,
} from '../../stores/sync-actions.js'

/**
 * « Ouvrir un guide en ligne… »: the address, the folder (the system's dialog in the app,
 * typed in a plain browser), a light copy for a costly connection; then the progress with
 * « Annuler ». When the host asks who you are, the user name and token are asked here,
 * in place, and the copy starts again.
 */
export function CloneDialog() {
  const { t } = useTranslation()
  const shell = useStore(workspaceStore, (state) => state.shell)
  const task = useStore(syncStore, (state) => state.task)
  const progress = useStore(syncStore, (state) => state.progress)
  const [url, setUrl] = useState('')
  const [folder, setFolder] = useState('')
  const [light, setLight] = useState(false)
  const [asking, setAsking] = useState(false)
  const [username, setUsername] = useState('')
  const [token, setToken] = useState('')
  const [missing, setMissing] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const busy = task === 'clone'

  useReturnFocus()
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const empty = form.current && firstEmptyRequired(form.current)
    if (empty) {
      empty.field.focus()
      return setMissing(empty.label)
    }
    await attempt(async () => {
      try {
        if (asking) await setCredentials(url.trim(), username, token)
        await cloneGuide({ url, folder, light })
        closeDialogOf('clone-guide')
      } catch (error) {
        // The host asks who you are: the fields appear, the next « Copier » sends them.
        if (!needsCredentials(error) || asking) throw error
        setAsking(true)
        // The user name is what to type next.
        setTimeout(() =>
          form.current?.querySelector<HTMLElement>('[autocomplete="username"]')?.focus(),
        )
      }
    })
  }

  const close = () => {
    if (busy) void attempt(cancelSync)
    else closeDialogOf('clone-guide')
  }
  const name = url.trim() ? guideName(url) : null

  return (
    <div className="modal-backdrop" onMouseDown={() => busy || close()}>
      <div
        className="modal clone-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('sync.cloneTitle')}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <form ref={form} onSubmit={(event) => void submit(event)} noValidate>
          <h2>{t('sync.cloneTitle')}</h2>
          {/* Once the host asks who you are, its explanation takes the introduction's place. */}
          {!asking && <p className="modal-help">{t('sync.cloneIntro')}</p>}
          <label className="field">
            <span>{t('sync.url')}</span>
            <input
              required
              type="url"
              value={url}
              disabled={busy}
              spellCheck={false}
              placeholder={t('sync.urlPlaceholder')}
              onChange={(event) => {
                setUrl(event.target.value)
                setMissing(null)
              }}
            />
          </label>
          <PathField
            id="clone-folder"
            label={t('sync.folder')}
            value={folder}
            disabled={busy}
            placeholder={t('sync.folderPlaceholder')}
            onChange={(value) => {
              setFolder(value)
              setMissing(null)
            }}
            browse={shell === 'electron' ? () => api.call('workspace.chooseFolder', {}) : undefined}
            browseLabel={t('sync.browse')}
          >
            {name && <small>{t('sync.folderHelp', { name })}</small>}
          </PathField>
          <label className="field field-inline">
            <input
              type="checkbox"
              checked={light}
              disabled={busy}
              onChange={(event) => setLight(event.target.checked)}
            />
            <span>{t('sync.light')}</span>
            <small>{t('sync.lightHelp')}</small>
          </label>
          {asking && (
            <>
              <CredentialsFields
                host={hostOf(url)}
                username={username}
                token={token}
                onUsername={setUsername}
                onToken={setToken}
                disabled={busy}
              />
            </>
          )}
          {busy && <SyncProgress progress={progress} />}
          {missing !== null && (
            <p className="field-error" role="alert">
              {t('pageDialog.requiredField', { field: missing })}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" className="button secondary" onClick={close}>
              {t('sync.cancel')}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {t('sync.cloneSubmit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
