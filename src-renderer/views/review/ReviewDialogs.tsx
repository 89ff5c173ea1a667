import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SentContribution } from '../../../src-shared/api/review-types.js'
import { api } from '../../api/client.js'
import { fileSize, receiveContribution, sendContribution } from '../../stores/review-store.js'
import { useStore } from '../../stores/store.js'
import { closeDialog } from '../../stores/ui-store.js'
import { versionsStore } from '../../stores/versions-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { Modal } from '../../ui/Modal.js'
import { PathField } from '../../ui/PathField.js'
import { attempt } from '../../ui/report-failure.js'

/**
 * « Envoyer ma contribution » (and « Renvoyer » for a received one): which
 * contribution, a complete file or not, where to write it (the system's dialog
 * in the app, a path in a plain browser); then the file and its size.
 */
export function SendContributionDialog({ branch: given }: { branch?: string }) {
  const { t, i18n } = useTranslation()
  const current = useStore(versionsStore, (state) => state.status?.branch ?? null)
  const [branch, setBranch] = useState(given ?? current ?? '')
  const [branches, setBranches] = useState<string[]>([])
  const [full, setFull] = useState(false)
  const [file, setFile] = useState('')
  const electron = useStore(workspaceStore, (state) => state.shell) === 'electron'
  const [sent, setSent] = useState<SentContribution | null>(null)
  const sentRef = useRef(false)

  useEffect(() => {
    void attempt(async () => {
      const list = await api.call('versions.contributions', {})
      setBranches(list.map((entry) => entry.name))
    })
  }, [])
  useEffect(() => {
    if (!branch) return
    void attempt(async () => setFile(await api.call('review.suggestFile', { branch })))
  }, [branch])

  if (sent) {
    return (
      <Modal
        key="sent"
        title={t('review.sendTitle')}
        submit={t('tabs.close')}
        onSubmit={async () => undefined}
        onClose={closeDialog}
      >
        <p role="status" className="review-sent">
          {t('review.sent', { file: sent.file, size: fileSize(sent.bytes, i18n.language) })}
        </p>
      </Modal>
    )
  }
  return (
    <Modal
      key="form"
      title={t(given ? 'review.sendBack' : 'review.sendTitle').replace(/…$/, '')}
      submit={t('review.sendSubmit')}
      onSubmit={async () => {
        const result = await sendContribution(branch, full, file.trim())
        sentRef.current = true
        setSent(result)
      }}
      // After a successful write the dialog stays, to show the file and its size.
      onClose={() => sentRef.current || closeDialog()}
    >
      <p className="dialog-intro">{t('review.sendIntro')}</p>
      <label className="field">
        <span>{t('review.sendBranch')}</span>
        <select required value={branch} onChange={(event) => setBranch(event.target.value)}>
          {[...new Set([branch, ...branches])].filter(Boolean).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <PathField
        label={t('review.sendFile')}
        value={file}
        onChange={setFile}
        browse={
          electron
            ? () =>
                api.call('review.chooseSaveFile', {
                  name: file.split(/[\\/]/).pop() || 'contribution.bundle',
                })
            : undefined
        }
        browseLabel={t('review.browse')}
      />
      <label className="field field-inline">
        <input type="checkbox" checked={full} onChange={(event) => setFull(event.target.checked)} />
        <span>{t('review.sendFull')}</span>
      </label>
    </Modal>
  )
}

/** « Ouvrir une contribution reçue »: the file (dialog, drop, command line or typed), then checked and opened. */
export function ReceiveContributionDialog({ file: given }: { file?: string }) {
  const { t } = useTranslation()
  const [file, setFile] = useState(given ?? '')
  const electron = useStore(workspaceStore, (state) => state.shell) === 'electron'
  return (
    <Modal
      title={t('review.receiveTitle')}
      submit={t('review.receiveSubmit')}
      onSubmit={() => receiveContribution(file.trim())}
      onClose={closeDialog}
    >
      <p className="dialog-intro">{t('review.receiveIntro')}</p>
      <PathField
        label={t('review.receiveFile')}
        value={file}
        onChange={setFile}
        browse={electron ? () => api.call('review.chooseOpenFile', {}) : undefined}
        browseLabel={t('review.browse')}
      />
    </Modal>
  )
}
