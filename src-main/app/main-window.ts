import { BrowserWindow, screen, shell } from 'electron'
import type { WindowState } from '../settings/settings-store.js'
import { guardNavigation } from './security.js'
import { captureWindowState, restoredBounds } from './window-state.js'

export interface MainWindowOptions {
  preload: string
  /** `http://…` from the dev server, or the built `index.html` file. */
  renderer: { url: string } | { file: string }
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

  const appUrl = 'url' in options.renderer ? options.renderer.url : null
  guardNavigation(
    window.webContents,
    (url) => (appUrl ? url.startsWith(appUrl) : url === window.webContents.getURL()),
    (url) => void shell.openExternal(url),
  )
  window.once('ready-to-show', () => window.show())
  window.on('close', () => options.onStateChange(captureWindowState(window)))

  if ('url' in options.renderer) void window.loadURL(options.renderer.url)
  else void window.loadFile(options.renderer.file)
  return window
}
