import { useTranslation } from 'react-i18next'
import { api } from '../api/client.js'
import { discardActivePage, saveActivePage } from '../stores/active-editor.js'
import { closeTab, setTabDirty, tabsStore } from '../stores/tabs-store.js'
import { closeDialog, closeDialogOf, notify } from '../stores/ui-store.js'
import { findPage, refreshIndex } from '../stores/workspace-store.js'
import { keptPageSession } from '../editor/kept-sessions.js'
import { Modal } from '../ui/Modal.js'
import { attempt } from '../ui/report-failure.js'
import { restoreEntry } from '../views/PageDialogs.js'

const isDirty = (path: string) => tabsStore.get().tabs.some((tab) => tab.path === path && tab.dirty)

/**
 * « Enregistrer » the page of a tab being closed: the active tab's editor, or the session
 * kept since the tab was left (a save refused there keeps the text in a copy beside the page).
 * Without either, the crash journal's text is written back over the page, or beside it.
 */
async function savePage(path: string, copySuffix: string): Promise<void> {
  if (tabsStore.get().active === path) return saveActivePage()
  const session = keptPageSession(path)
  if (session) return session.save()
  const entry = (await api.call('journal.list', {})).find((candidate) => candidate.path === path)
  if (entry) {
    const restored = await restoreEntry(entry, copySuffix)
    await api.call('journal.discard', { path })
    if (restored !== path) {
      notify('restore.copied', { name: restored })
      await refreshIndex()
    }
  }
  setTabDirty(path, false)
}

/** « Ne pas enregistrer »: the unsaved text goes, from the journal too. */
async function discardPage(path: string): Promise<void> {
  if (await discardActivePage(path)) return
  const session = keptPageSession(path)
  if (session) await session.discard()
  else await api.call('journal.discard', { path })
}

/**
 * Closing tabs with unsaved changes while autosave is off, as VS Code asks: once, naming
 * the page, or listing the pages when several close together (« Fermer les autres onglets »,
 * another folder opening). `then` goes on once they are all closed.
 */
export function CloseUnsavedDialog({
  paths,
  then,
}: {
  paths: string[]
  then?: (() => Promise<unknown>) | undefined
}) {
  const { t } = useTranslation()
  const title = (path: string) => findPage(path)?.title ?? path.split('/').pop() ?? path
  return (
    <Modal
      // What `then` does may open the next dialog (a folder's unsaved text offered back).
      onClose={() => closeDialogOf('close-unsaved')}
      title={
        paths.length === 1
          ? t('tabs.saveBeforeClose', { page: title(paths[0]!) })
          : t('tabs.saveManyBeforeClose', { count: paths.length })
      }
      submit={t('tabs.save')}
      other={{
        label: t('tabs.dontSave'),
        run: () =>
          void attempt(async () => {
            for (const path of paths) await discardPage(path)
            closeDialog()
            for (const path of paths) closeTab(path)
            await then?.()
          }),
      }}
      onSubmit={async () => {
        for (const path of paths) await savePage(path, t('editor.copySuffix'))
        // A save refused (the page changed on disk) leaves its tab open on the choices.
        for (const path of paths) if (!isDirty(path)) closeTab(path)
        if (then && paths.every((path) => !isDirty(path))) await then()
      }}
    >
      {paths.length > 1 && (
        <ul className="close-unsaved-pages">
          {paths.map((path) => (
            <li key={path}>{title(path)}</li>
          ))}
        </ul>
      )}
      <p>{t('tabs.saveBeforeCloseText')}</p>
    </Modal>
  )
}
