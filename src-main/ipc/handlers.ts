import type { Session } from '../session.js'
import type { HandlerTable } from './handler.js'
import type { PlatformHooks } from './platform-hooks.js'
import { createPreviewHandlers } from './preview-handlers.js'
import { createRenameHandlers } from './rename-handlers.js'
import { createReviewHandlers } from './review-handlers.js'
import { createSearchHandlers } from './search-handlers.js'
import { createVersionsHandlers } from './versions-handlers.js'
import { createChecksHandlers } from './checks-handlers.js'
import { createSyncHandlers } from './sync-handlers.js'

export type { PlatformHooks } from './platform-hooks.js'

/** The one table of handlers, served by Electron IPC and by the test host alike. */
export function createHandlers(session: Session, platform: PlatformHooks): HandlerTable {
  return {
    'app.info': async () => ({
      version: platform.version,
      platform: process.platform,
      shell: platform.shell,
    }),
    'settings.get': async () => session.settings.publicSettings(),
    'settings.setLanguage': async ({ language }) => {
      await session.settings.setLanguage(language)
      return session.settings.publicSettings()
    },
    'settings.setAutosave': async ({ autosave }) => {
      await session.settings.setAutosave(autosave)
      return session.settings.publicSettings()
    },
    'workspace.current': async () => (await session.current()?.info()) ?? null,
    'workspace.open': async ({ path }) => session.openChosen(path),
    'workspace.chooseFolder': async () => {
      const folder = await platform.chooseFolder()
      if (folder !== null) session.allowFolder(folder)
      return folder
    },
    'workspace.contentTypes': async () => session.requireWorkspace().contentTypes(),
    'workspace.problems': async () => session.requireFolder().problems(),
    'pages.index': async () => session.requireWorkspace().pages(),
    'pages.read': async ({ path }) => session.requireWorkspace().readPage(path),
    'pages.save': async ({ path, text, base }) =>
      session.requireFolder().savePage(path, text, base),
    'pages.create': async ({ collection, title, values }) => ({
      path: await session.requireWorkspace().createPage(collection, title, values ?? {}),
    }),
    'pages.rename': async ({ path, newName }) => ({
      path: await session.requireWorkspace().renamePage(path, newName),
    }),
    'pages.delete': async ({ path }) => session.requireWorkspace().deletePage(path),
    'media.add': async ({ name, data }) =>
      session.requireWorkspace().addMedia(name, Buffer.from(data, 'base64')),
    'journal.record': async ({ path, text, base }) => {
      const target = await session.requireWorkspace().journalFor(path)
      await target.journal.record(target.path, text, base)
      return true
    },
    'journal.discard': async ({ path }) => {
      const target = await session.requireWorkspace().journalFor(path)
      await target.journal.discard(target.path)
      return true
    },
    'journal.list': async () => (await session.requireWorkspace().journal?.list()) ?? [],
    'shell.openExternal': async ({ url }) => platform.openExternal(url),
    'trash.list': async () => session.requireWorkspace().trashEntries(),
    'trash.restore': async ({ id }) => ({
      path: await session.requireWorkspace().restoreFromTrash(id),
    }),
    'settings.setOpenTabs': async ({ root, tabs, active }) => {
      // Tabs closed while another folder was opening belong to the folder left, not this one.
      if (root !== session.requireWorkspace().root) return false
      await session.settings.setOpenTabs(root, { tabs, active })
      return true
    },
    'settings.openTabs': async () => session.settings.openTabsOf(session.requireWorkspace().root),
    ...createVersionsHandlers(session),
    ...createPreviewHandlers(session, platform),
    ...createReviewHandlers(session, platform),
    ...createRenameHandlers(session),
    ...createSearchHandlers(session),
    ...createChecksHandlers(session),
    ...createSyncHandlers(session, platform),
  }
}
