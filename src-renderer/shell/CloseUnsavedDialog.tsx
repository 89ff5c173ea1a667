import { useTranslation } from 'react-i18next'
import { api } from '../api/client.js'
import { discardActivePage, saveActivePage } from '../stores/active-editor.js'
import { closeTab, setTabDirty, tabsStore } from '../stores/tabs-store.js'
import { closeDialog, notify } from '../stores/ui-store.js'
import { findPage, refreshIndex } from '../stores/workspace-store.js'
import { keptPageSession } from '../editor/open-page-session.js'
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

/** Closing a tab with unsaved changes while autosave is off, as VS Code asks. */
export function CloseUnsavedDialog({ path }: { path: string }) {
  const { t } = useTranslation()
  const page = findPage(path)?.title ?? path.split('/').pop() ?? path
  return (
    <Modal
      onClose={closeDialog}
      title={t('tabs.saveBeforeClose', { page })}
      submit={t('tabs.save')}
      other={{
        label: t('tabs.dontSave'),
        run: () =>
          void attempt(async () => {
            await discardPage(path)
            closeDialog()
            closeTab(path)
          }),
      }}
      onSubmit={async () => {
        await savePage(path, t('editor.copySuffix'))
        // A save refused (the page changed on disk) leaves the tab open on the choices.
        if (!isDirty(path)) closeTab(path)
      }}
    >
      <p>{t('tabs.saveBeforeCloseText')}</p>
    </Modal>
  )
}
