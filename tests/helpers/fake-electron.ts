import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * Just enough of Electron's API, recorded, for unit tests of `src-main/app/`
 * (Electron's binary cannot be downloaded on build machines).
 */
type Listener = (...args: unknown[]) => unknown

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  sent: unknown[][] = []
  url = ''
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.url
  }
  isDestroyed() {
    return false
  }
  send(...args: unknown[]) {
    this.sent.push(args)
  }
  mainFrame = { parent: null }
  /** Emits like Electron: returns whether a listener called `preventDefault`. */
  navigate(url: string): boolean {
    let prevented = false
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  /** A frame navigating (`parent`: the frame holding it); whether a listener prevented it. */
  navigateFrame(url: string, parent: object | null = this.mainFrame): boolean {
    let prevented = false
    this.emit('will-frame-navigate', {
      url,
      isMainFrame: parent === null,
      frame: { parent },
      preventDefault: () => (prevented = true),
    })
    return prevented
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  webContents = new FakeWebContents()
  loadURL = vi.fn(async (url: string) => void (this.webContents.url = url))
  loadFile = vi.fn(async (file: string) => void (this.webContents.url = `file://${file}`))
  maximize = vi.fn()
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  bounds = { x: 10, y: 20, width: 1000, height: 700 }
  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
  isMaximized() {
    return false
  }
  isMinimized() {
    return false
  }
  getBounds() {
    return this.bounds
  }
  getNormalBounds() {
    return this.bounds
  }
}

export function createFakeElectron(options: {
  userData: string
  appPath: string
  lock: boolean
  packaged?: boolean
}) {
  const appEvents = new EventEmitter()
  const headerListeners: Listener[] = []
  const ipcHandlers = new Map<string, Listener>()
  const electron = {
    app: Object.assign(appEvents, {
      isPackaged: options.packaged ?? false,
      requestSingleInstanceLock: vi.fn(() => options.lock),
      quit: vi.fn(),
      whenReady: vi.fn(async () => undefined),
      getPath: vi.fn(() => options.userData),
      getAppPath: vi.fn(() => options.appPath),
      getVersion: vi.fn(() => '0.1.0'),
    }),
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn(async () => undefined) },
    /** « Encrypts » by reversing the bytes after a marker: enough to tell it was used. */
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((text: string) =>
        Buffer.concat([Buffer.from('FAKE-SAFE:'), Buffer.from(text).reverse()]),
      ),
      decryptString: vi.fn((bytes: Buffer) =>
        Buffer.from(bytes.subarray('FAKE-SAFE:'.length)).reverse().toString(),
      ),
    },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      /** Answers « Annuler » (the cancel button) unless a test says otherwise. */
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({
        response: 1,
        checkboxChecked: false,
      })),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => void ipcHandlers.set(channel, handler)),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: vi.fn((listener: Listener) => headerListeners.push(listener)),
        },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  }
  return { electron, headerListeners, ipcHandlers }
}
