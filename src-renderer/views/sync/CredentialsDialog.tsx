import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores/store.js'
import { closeDialogOf } from '../../stores/ui-store.js'
import { Modal } from '../../ui/Modal.js'
import { CredentialsFields } from './CredentialsFields.js'
import { SyncProgress } from './SyncProgress.js'
import { hostOf, setCredentials, syncStore } from '../../stores/sync-actions.js'

/**
 * A host refused (401/403): the user name and token for it, then the same action again.
 * A second refusal is shown as a notice and the dialog stays, to correct them.
 */
export function CredentialsDialog(props: { url: string; retry: () => Promise<void> }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [token, setToken] = useState('')
  const task = useStore(syncStore, (state) => state.task)
  const progress = useStore(syncStore, (state) => state.progress)
  const host = hostOf(props.url)
  return (
    <Modal
      title={t('sync.credentialsTitle', { host })}
      submit={t('sync.credentialsSubmit')}
      onSubmit={async () => {
        await setCredentials(props.url, username, token)
        await props.retry()
      }}
      onClose={() => closeDialogOf('sync-credentials')}
    >
      <CredentialsFields
        host={host}
        username={username}
        token={token}
        onUsername={setUsername}
        onToken={setToken}
        disabled={task !== null}
      />
      {task !== null && <SyncProgress progress={progress} />}
    </Modal>
  )
}
