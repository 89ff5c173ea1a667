import {
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session as electronSession,
  shell,
  type BrowserWindow,
} from 'electron'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterOpening } from '../ipc/after-opening.js'
import { createHandlers } from '../ipc/handlers.js'
import { readLaunchArguments } from '../launch-arguments.js'
import { packagedPlaybookDir } from '../paths.js'
import { Session } from '../session.js'
import { SettingsStore } from '../settings/settings-store.js'
import { EncryptedCredentialStore } from '../sync/credential-store.js'
import { forwardEvents, registerIpc } from './ipc-bridge.js'
import { handleMediaProtocol, mediaSchemePrivileges } from './media-protocol.js'
import { handlePreviewProtocol, previewSchemePrivileges } from './preview-protocol.js'
import { createMainWindow } from './main-window.js'
import { confirmAndOpenExternal } from './open-external.js'
import {
  APP_ORIGIN,
  appSchemePrivileges,
  handleRendererProtocol,
  workbenchPrefix,
} from './renderer-protocol.js'
import { hardenSession } from './security.js'

/**
 * Electron entry: one instance, one window, the shared services behind IPC.
 * Everything that can run without Electron lives outside `app/`.
 */
const here = path.dirname(fileURLToPath(import.meta.url))

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // The dev server's address is taken only from an unpackaged app (`npm run dev`): in an
  // installed one, an environment variable must never choose the trusted renderer.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  protocol.registerSchemesAsPrivileged([
    appSchemePrivileges,
    mediaSchemePrivileges,
    previewSchemePrivileges,
  ])
  let window: BrowserWindow | null = null
  // A contribution file handed over before the services are up waits here.
  let handedOver: string | null = null
  let offerContribution = (file: string): void => {
    handedOver = file
  }
  // A second launch (a double-click on a `.bundle` on Windows and Linux) brings this window
  // forward and hands over the file it was given; macOS sends `open-file` instead.
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    const { contribution } = readLaunchArguments(argv, app.isPackaged ? 1 : 2, workingDirectory)
    if (contribution) offerContribution(contribution)
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('open-file', (event, file: string) => {
    event.preventDefault()
    if (file.toLowerCase().endsWith('.bundle')) offerContribution(file)
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
  handleRendererProtocol(protocol, path.join(here, '../renderer'))
  handleMediaProtocol(protocol, session)
  handlePreviewProtocol(protocol, session, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN)
  const starterBundle = app.isPackaged
    ? path.join(process.resourcesPath, 'starter-playbook')
    : path.join(app.getAppPath(), 'resources', 'starter-playbook')
  const launch = readLaunchArguments(process.argv, app.isPackaged ? 1 : 2)
  session.pendingContribution = launch.contribution ?? handedOver
  offerContribution = (file) => session.offerContribution(file)
  // The window loads while the folder opens (a large guide takes about as long as the
  // workbench's script): its calls wait for the opening (`afterOpening`).
  const opening = session.openAtStartup({
    requested: launch.folder,
    starterBundle,
    playbookResource: app.isPackaged ? packagedPlaybookDir : null,
    dataDir,
  })
  // A folder that cannot open leaves the workbench without one: it offers to choose another.
  opening.catch((error: unknown) => console.error(error))

  const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
  const rendererPrefix = workbenchPrefix(rendererUrl)
  const handlers = afterOpening(
    createHandlers(session, {
      shell: 'electron',
      version: app.getVersion(),
      // Hosts' tokens, encrypted by the system (Keychain, DPAPI, libsecret) in the data folder.
      credentials: await EncryptedCredentialStore.load(dataDir, safeStorage),
      chooseFolder: async () => {
        const result = await dialog.showOpenDialog({ properties: ['openDirectory'] })
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      chooseSaveFile: async (name) => {
        const result = await dialog.showSaveDialog({ defaultPath: name, filters: bundleFilter() })
        return result.canceled ? null : (result.filePath ?? null)
      },
      chooseOpenFile: async () => {
        const result = await dialog.showOpenDialog({
          properties: ['openFile'],
          filters: bundleFilter(),
        })
        return result.canceled ? null : (result.filePaths[0] ?? null)
      },
      // shell.openPath answers an error message, empty when the folder opened.
      openFolder: async (folder) => (await shell.openPath(folder)) === '',
      openExternal: (url) =>
        confirmAndOpenExternal(url, {
          dialog,
          shell,
          window,
          language: settings.get().language,
        }),
    }),
    opening,
  )
  registerIpc(ipcMain, handlers, (url) => url.startsWith(rendererPrefix))

  window = createMainWindow({
    preload: path.join(here, '../preload/index.cjs'),
    rendererUrl,
    state: settings.get().window,
    onStateChange: (state) => void settings.setWindowState(state),
  })
  forwardEvents(session, window.webContents)
  app.on('before-quit', () => void session.close())
}

/** Contribution files in the system's dialogs; « Tous les fichiers » too, as they travel renamed. */
function bundleFilter() {
  return [
    { name: 'Contribution (.bundle)', extensions: ['bundle'] },
    { name: '*', extensions: ['*'] },
  ]
}

void startApp()
