import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JournalEntry } from '../../src-shared/api/types.js'
import { typeForCollection } from '../../src-shared/content-types/lookup.js'
import { templatePlaceholders } from '../../src-shared/content-types/new-page.js'
import { api } from '../api/client.js'
import { groupOrder } from './explorer-tree.js'
import { useStore } from '../stores/store.js'
import { openTab, retargetTab } from '../stores/tabs-store.js'
import { closeDialog, closeDialogOf, notify } from '../stores/ui-store.js'
import { requestOpenWorkspace } from '../stores/close-tab.js'
import { isChangedOnDisk, saveCopyBeside } from '../editor/conflict-copy.js'
import { applySavedPage } from '../stores/saved-page.js'
import { findPage, refreshIndex, reportChanged, workspaceStore } from '../stores/workspace-store.js'
import { Modal } from '../ui/Modal.js'
import { attempt } from '../ui/report-failure.js'

/** The explorer's questions about pages and the folder: new page, delete, open a folder by path, unsaved text to restore (« Renommer » is in `rename/`). */
export function RestoreDialog({ entries }: { entries: JournalEntry[] }) {
  const { t, i18n } = useTranslation()
  const discardAll = async () => {
    for (const entry of entries) await api.call('journal.discard', { path: entry.path })
    closeDialog()
  }
  return (
    <Modal
      onClose={closeDialog}
      title={t('restore.title')}
      submit={t('restore.restore')}
      cancel={t('restore.discard')}
      onCancel={() => void attempt(discardAll)}
      onSubmit={async () => {
        for (const entry of entries) {
          // Only over the version the text was based on: if another program changed the
          // file since (or the entry is too old to say), the text goes to a copy beside it.
          const restored = await restoreEntry(entry, t('editor.copySuffix'))
          await api.call('journal.discard', { path: entry.path })
          if (restored !== entry.path) notify('restore.copied', { name: restored })
        }
        await refreshIndex()
        const first = entries[0]
        if (first) openTab(first.path)
      }}
    >
      <p>{t('restore.text')}</p>
      <ul className="restore-list">
        {entries.map((entry) => (
          <li key={entry.path}>
            <strong>{findPage(entry.path)?.title ?? entry.path}</strong>{' '}
            <small>
              {t('restore.when', {
                date: new Date(entry.savedAt).toLocaleString(i18n.language),
              })}
            </small>
          </li>
        ))}
      </ul>
    </Modal>
  )
}

/** Writes a journal entry back over its page if unchanged since, else into a copy; returns where. */
export async function restoreEntry(entry: JournalEntry, copySuffix: string): Promise<string> {
  if (entry.base !== undefined) {
    try {
      const saved = await api.call('pages.save', {
        path: entry.path,
        text: entry.text,
        base: entry.base,
      })
      // Main does not tell of its own saves: the stores follow the answer, an open editor reloads.
      applySavedPage(saved)
      reportChanged([saved.path])
      return saved.path
    } catch (error) {
      if (!isChangedOnDisk(error)) throw error
    }
  }
  return saveCopyBeside(entry.path, entry.text, copySuffix)
}

export function NewPageDialog({ initial }: { initial?: string | undefined }) {
  const { t, i18n } = useTranslation()
  const index = useStore(workspaceStore, (state) => state.index)
  const contentTypes = useStore(workspaceStore, (state) => state.contentTypes)
  const groups = index ? groupOrder(index) : ['pages']
  const [collection, setCollection] = useState(initial ?? groups[0] ?? 'pages')
  const [title, setTitle] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const typeOf = (group: string) =>
    contentTypes?.ok ? typeForCollection(contentTypes.value, group) : null
  const type = typeOf(collection)
  // The template's placeholders (`{{pays}}` for a case study) are asked for here.
  const asked = type ? templatePlaceholders(type) : []
  const labelOf = (group: string) =>
    typeOf(group)?.label ??
    (i18n.exists(`collections.${group}`) ? t(`collections.${group}`) : group)
  return (
    <Modal
      onClose={closeDialog}
      title={type ? t('pageDialog.newOfType', { type: type.label }) : t('pageDialog.newTitle')}
      submit={t('pageDialog.create')}
      onSubmit={async () => {
        const { path } = await api.call('pages.create', { collection, title, values })
        await refreshIndex()
        openTab(path)
      }}
    >
      <label className="field">
        <span>{t('pageDialog.collection')}</span>
        <select value={collection} onChange={(event) => setCollection(event.target.value)}>
          {groups.map((group) => (
            <option key={group} value={group}>
              {labelOf(group)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('pageDialog.titleLabel')}</span>
        <input required value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      {asked.map((name) => (
        <label key={name} className="field">
          <span>{type?.fields.find((field) => field.name === name)?.label ?? name}</span>
          <input
            required
            value={values[name] ?? ''}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        </label>
      ))}
    </Modal>
  )
}

export function DeleteDialog({ path }: { path: string }) {
  const { t } = useTranslation()
  const title = findPage(path)?.title ?? path
  return (
    <Modal
      onClose={closeDialog}
      title={t('pageDialog.deleteTitle')}
      submit={t('pageDialog.deleteAction')}
      danger
      onSubmit={async () => {
        const { trash } = await api.call('pages.delete', { path })
        retargetTab(path, null)
        await refreshIndex()
        if (!trash) return
        notify(
          'pageDialog.deleted',
          { title },
          { key: 'pageDialog.undo', run: () => void undoDelete(trash) },
        )
      }}
    >
      <p>{t('pageDialog.deleteText', { title })}</p>
    </Modal>
  )
}

/** « Annuler » after a deletion: the page comes back from the trash, and opens again. */
async function undoDelete(trash: string): Promise<void> {
  await attempt(async () => {
    const { path } = await api.call('trash.restore', { id: trash })
    await refreshIndex()
    openTab(path)
  })
}

export function OpenFolderDialog() {
  const { t } = useTranslation()
  const [folder, setFolder] = useState('')
  return (
    <Modal
      // Tabs with unsaved changes are asked about first, in the dialog that replaces this one.
      onClose={() => closeDialogOf('open-folder')}
      title={t('pageDialog.folderTitle')}
      submit={t('pageDialog.folderAction')}
      onSubmit={() => requestOpenWorkspace(folder)}
    >
      <label className="field">
        <span>{t('pageDialog.folderLabel')}</span>
        <input required value={folder} onChange={(event) => setFolder(event.target.value)} />
      </label>
    </Modal>
  )
}
