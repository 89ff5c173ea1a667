import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { closeDialog, type Dialog } from '../../stores/ui-store.js'
import { findPage, workspaceStore } from '../../stores/workspace-store.js'
import { fullDate } from './version-date.js'
import { changeAuthor, resolveConflict, restoreVersion } from '../../stores/versions-actions.js'
import { Modal } from '../../ui/Modal.js'
import { attempt } from '../../ui/report-failure.js'

type VersionsDialogKind = Extract<Dialog, { kind: 'author' | 'restore-version' | 'merged-text' }>

/** The Versions view's questions: who saves versions, restoring a page, a merged text. */
export function VersionsDialog({ dialog }: { dialog: VersionsDialogKind }) {
  switch (dialog.kind) {
    case 'author':
      return <AuthorDialog then={dialog.then} />
    case 'restore-version':
      return <RestoreVersionDialog {...dialog} />
    case 'merged-text':
      return <MergedTextDialog path={dialog.path} />
  }
}

function AuthorDialog({ then }: { then?: (() => Promise<unknown>) | undefined }) {
  const { t } = useTranslation()
  const current = workspaceStore.get().settings.author
  const [name, setName] = useState(current?.name ?? '')
  const [email, setEmail] = useState(current?.email ?? '')
  return (
    <Modal
      onClose={closeDialog}
      title={t('versions.author.title')}
      submit={t('versions.author.save')}
      onSubmit={async () => {
        await changeAuthor(name, email)
        // What needed the author goes on once the dialog has closed.
        if (then) setTimeout(() => void attempt(then), 0)
      }}
    >
      <p className="modal-help">{t('versions.author.help')}</p>
      <label className="field">
        <span>{t('versions.author.name')}</span>
        <input
          required
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('versions.author.email')}</span>
        <input
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
    </Modal>
  )
}

function RestoreVersionDialog(props: { path: string; version: string; date: string }) {
  const { t, i18n } = useTranslation()
  const page = findPage(props.path)?.title ?? props.path
  return (
    <Modal
      onClose={closeDialog}
      title={t('versions.restore')}
      submit={t('versions.restore')}
      danger
      onSubmit={() => restoreVersion(props.path, props.version)}
    >
      <p>{t('versions.restoreConfirm', { page, date: fullDate(props.date, i18n.language) })}</p>
    </Modal>
  )
}

function MergedTextDialog({ path }: { path: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    void attempt(async () => setText((await api.call('versions.conflict', { path })).merged))
  }, [path])
  return (
    <Modal
      onClose={closeDialog}
      wide
      title={t('versions.conflict.edit')}
      submit={t('versions.conflict.saveText')}
      onSubmit={() => resolveConflict(path, { choice: 'text', text: text ?? '' })}
    >
      <p className="modal-help" title={path}>
        {findPage(path)?.title ?? path}
      </p>
      <textarea
        className="merged-text"
        aria-label={t('versions.conflict.edit')}
        spellCheck={false}
        value={text ?? ''}
        disabled={text === null}
        onChange={(event) => setText(event.target.value)}
      />
    </Modal>
  )
}
