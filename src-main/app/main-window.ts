import { BrowserWindow, screen } from 'electron'
import type { WindowState } from '../settings/settings-store.js'
import { workbenchPrefix } from './renderer-protocol.js'
import { guardNavigation } from './security.js'
import { captureWindowState, restoredBounds } from './window-state.js'

export interface MainWindowOptions {
  preload: string
  /** The workbench's address: `app://atelier/index.html`, or the dev server's in development. */
  rendererUrl: string
  state: WindowState | null
  onStateChange(state: WindowState): void
}

/** The single workbench window, with the security settings of the design notes. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const window = new BrowserWindow({
    ...restoredBounds(options.state, workAreas),
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Atelier',
    backgroundColor: '#1f1f1f',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  if (options.state?.maximized) window.maximize()

  const prefix = workbenchPrefix(options.rendererUrl)
  guardNavigation(window.webContents, (url) => url.startsWith(prefix))
  window.once('ready-to-show', () => window.show())
  window.on('close', () => options.onStateChange(captureWindowState(window)))

  void window.loadURL(options.rendererUrl)
  return window
}
