import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { saveActivePage } from '../../stores/active-editor.js'
import { retargetTab } from '../../stores/tabs-store.js'
import { closeDialog } from '../../stores/ui-store.js'
import { useStore } from '../../stores/store.js'
import {
  findPage,
  refreshIndex,
  reportChanged,
  workspaceStore,
} from '../../stores/workspace-store.js'
import { Modal } from '../../ui/Modal.js'
import { folderOf, moveFolders, RenameController } from './rename-controller.js'

/**
 * « Renommer » a page by its title, or « Déplacer » it to another folder: the file name
 * follows, and every file that names the page is listed with its lines before and after,
 * before « Renommer » (« Déplacer ») confirms them all.
 */
export function RenameDialog({ path, move }: { path: string; move: boolean }) {
  const { t, i18n } = useTranslation()
  const [title, setTitle] = useState(findPage(path)?.title || (path.split('/').pop() ?? path))
  const [folder, setFolder] = useState(folderOf(path))
  const index = useStore(workspaceStore, (state) => state.index)
  const folders = useMemo(
    () =>
      moveFolders(
        (index?.pages ?? []).map((page) => page.path),
        (index?.collections ?? []).map((collection) => collection.folder),
      ),
    [index],
  )
  /** A collection's folder shows its name as the explorer does: « Cas pratiques — _cas_pratiques ». */
  const folderLabel = (option: string) => {
    if (option === '') return t('rename.rootFolder')
    const collection = index?.collections.find((item) => item.folder === option)
    return collection && i18n.exists(`collections.${collection.name}`)
      ? `${t(`collections.${collection.name}`)} — ${option}`
      : option
  }
  const [, setShown] = useState(0)
  const controller = useMemo(
    () =>
      new RenameController(path, {
        plan: (page, target) => api.call('rename.plan', { path: page, ...target }),
        apply: (page, target, bases) => api.call('rename.apply', { path: page, ...target, bases }),
        saveOpenPages: saveActivePage,
        renamed: async (from, to, changed) => {
          retargetTab(from, to)
          reportChanged(changed)
          await refreshIndex()
        },
      }),
    [path],
  )
  const preview = controller.previewFor(title, folder)
  const moving = folder !== folderOf(path)
  const folderField = (
    <label className="field" key="folder">
      <span>{t('rename.folderLabel')}</span>
      <select value={folder} onChange={(event) => setFolder(event.target.value)}>
        {folders.map((option) => (
          <option key={option} value={option}>
            {folderLabel(option)}
          </option>
        ))}
      </select>
    </label>
  )
  const titleField = (
    <label className="field" key="title">
      <span>{t('rename.titleLabel')}</span>
      <input required value={title} onChange={(event) => setTitle(event.target.value)} />
    </label>
  )
  return (
    <Modal
      onClose={closeDialog}
      wide
      title={t(move ? 'rename.moveTitle' : 'rename.title')}
      submit={t(
        preview ? (moving ? 'rename.confirmMove' : 'rename.confirm') : 'rename.showChanges',
      )}
      onSubmit={async () => {
        const step = await controller.submit(title, folder)
        setShown((count) => count + 1)
        return step === 'rename'
      }}
    >
      {/* « Déplacer… » asks for the folder first; the first field takes the focus. */}
      {move ? [folderField, titleField] : [titleField, folderField]}
      {preview && (
        <div className="rename-preview" aria-live="polite">
          <p>
            {preview.to === preview.from
              ? t('rename.sameFile', { path: preview.from })
              : moving
                ? t('rename.moved', {
                    from: preview.from,
                    folder: folderLabel(folder),
                    to: preview.to,
                  })
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
