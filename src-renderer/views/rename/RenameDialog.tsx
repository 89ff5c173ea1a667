import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { saveActivePage } from '../../stores/active-editor.js'
import { retargetTab } from '../../stores/tabs-store.js'
import { closeDialog } from '../../stores/ui-store.js'
import { findPage, refreshIndex, reportChanged } from '../../stores/workspace-store.js'
import { Modal } from '../../ui/Modal.js'
import { RenameController } from './rename-controller.js'

/**
 * « Renommer » a page by its title: the file name follows, and every file that names the
 * page is listed with its lines before and after, before « Renommer » confirms them all.
 */
export function RenameDialog({ path }: { path: string }) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(findPage(path)?.title || (path.split('/').pop() ?? path))
  const [, setShown] = useState(0)
  const controller = useMemo(
    () =>
      new RenameController(path, {
        plan: (page, wanted) => api.call('rename.plan', { path: page, title: wanted }),
        apply: (page, wanted, bases) =>
          api.call('rename.apply', { path: page, title: wanted, bases }),
        saveOpenPages: saveActivePage,
        renamed: async (from, to, changed) => {
          retargetTab(from, to)
          reportChanged(changed)
          await refreshIndex()
        },
      }),
    [path],
  )
  const preview = controller.previewFor(title)
  return (
    <Modal
      onClose={closeDialog}
      wide
      title={t('rename.title')}
      submit={t(preview ? 'rename.confirm' : 'rename.showChanges')}
      onSubmit={async () => {
        const step = await controller.submit(title)
        setShown((count) => count + 1)
        return step === 'rename'
      }}
    >
      <label className="field">
        <span>{t('rename.titleLabel')}</span>
        <input required value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      {preview && (
        <div className="rename-preview" aria-live="polite">
          <p>
            {preview.to === preview.from
              ? t('rename.sameFile', { path: preview.from })
              : t('rename.newFile', { from: preview.from, to: preview.to })}
            {preview.newUrl !== preview.oldUrl &&
              ` ${t('rename.newAddress', { from: preview.oldUrl, to: preview.newUrl })}`}
          </p>
          <p>{t('rename.files', { count: preview.files.length })}</p>
          <ul className="rename-files" aria-label={t('rename.filesLabel')}>
            {preview.files.map((file) => (
              <li key={file.path} data-path={file.path}>
                <strong>{findPage(file.path)?.title || file.path}</strong>{' '}
                <small>{file.path}</small>
                <table className="rename-lines">
                  <tbody>
                    {file.lines.map((line) => (
                      <tr key={line.line}>
                        <th scope="row">{t('rename.line', { line: line.line })}</th>
                        <td>
                          <del>{line.before}</del>
                          <ins>{line.after}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  )
}
