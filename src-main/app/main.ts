import {
  app,
  dialog,
  ipcMain,
  protocol,
  session as electronSession,
  shell,
  type BrowserWindow,
} from 'electron'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createHandlers } from '../ipc/handlers.js'
import { Session } from '../session.js'
import { SettingsStore } from '../settings/settings-store.js'
import { forwardEvents, registerIpc } from './ipc-bridge.js'
import { handleMediaProtocol, mediaSchemePrivileges } from './media-protocol.js'
import { handlePreviewProtocol, previewSchemePrivileges } from './preview-protocol.js'
import { createMainWindow } from './main-window.js'
import { hardenSession, isExternalUrl } from './security.js'

/**
 * Electron entry: one instance, one window, the shared services behind IPC.
 * Everything that can run without Electron lives outside `app/`.
 */
const here = path.dirname(fileURLToPath(import.meta.url))
const devServerUrl = process.env.ELECTRON_RENDERER_URL

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  protocol.registerSchemesAsPrivileged([mediaSchemePrivileges, previewSchemePrivileges])
  let window: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())
  // No window of any kind may be created by page content.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  await app.whenReady()
  hardenSession(electronSession.defaultSession, { csp: !devServerUrl })

  const dataDir = app.getPath('userData')
  const settings = await SettingsStore.load(dataDir)
  const session = new Session(settings)
  handleMediaProtocol(protocol, session)
  handlePreviewProtocol(protocol, session)
  const starterBundle = app.isPackaged
    ? path.join(process.resourcesPath, 'starter-playbook')
    : path.join(app.getAppPath(), 'resources', 'starter-playbook')
  await session.openAtStartup({
    requested: process.argv.find(isFolderArgument),
    starterBundle,
    dataDir,
  })

  const rendererFile = path.join(here, '../renderer/index.html')
  const rendererUrl = devServerUrl ?? pathToFileURL(rendererFile).href
  const handlers = createHandlers(session, {
    shell: 'electron',
    version: app.getVersion(),
    chooseFolder: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openDirectory'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    openExternal: async (url) => {
      if (!isExternalUrl(url)) return false
      await shell.openExternal(url)
      return true
    },
  })
  registerIpc(ipcMain, handlers, (url) => url.startsWith(rendererUrl))

  window = createMainWindow({
    preload: path.join(here, '../preload/index.cjs'),
    renderer: devServerUrl ? { url: devServerUrl } : { file: rendererFile },
    state: settings.get().window,
    onStateChange: (state) => void settings.setWindowState(state),
  })
  forwardEvents(session, window.webContents)
  app.on('before-quit', () => void session.close())
}

/** `atelier /path/to/playbook` opens that folder (the first argument that is not a flag). */
function isFolderArgument(arg: string, index: number): boolean {
  return index >= (app.isPackaged ? 1 : 2) && !arg.startsWith('-') && !arg.endsWith('.js')
}

void startApp()
