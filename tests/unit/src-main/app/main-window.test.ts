import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, type createFakeElectron } from '../../../helpers/fake-electron.js'

const fake = vi.hoisted(() => ({ current: null as null | ReturnType<typeof createFakeElectron> }))
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('../../../helpers/fake-electron.js')
  fake.current = create({ userData: '/tmp/none', appPath: '/tmp/none', lock: true })
  return fake.current.electron
})

const { createMainWindow } = await import('../../../../src-main/app/main-window.js')

beforeEach(() => {
  FakeBrowserWindow.instances = []
  vi.mocked(fake.current!.electron.shell.openExternal).mockClear()
})

function open(state: Parameters<typeof createMainWindow>[0]['state'] = null) {
  const onStateChange = vi.fn()
  const window = createMainWindow({
    preload: '/app/out/preload/index.cjs',
    rendererUrl: 'app://atelier/index.html',
    state,
    onStateChange,
  }) as unknown as FakeBrowserWindow
  return { window, onStateChange }
}

describe('main window', () => {
  it('is isolated, sandboxed, without Node, and loads the preload', () => {
    const { window } = open()
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
    // From the app's own scheme, never `file://`.
    expect(window.loadURL).toHaveBeenCalledWith('app://atelier/index.html')
    expect(window.loadFile).not.toHaveBeenCalled()
  })

  // A link leaves only through `shell.openExternal`, after a click and a confirmation
  // (open-external.test.ts): a window.open or a navigation opens nothing by itself.
  it('denies window.open without opening anything', () => {
    const { window } = open()
    const handler = window.webContents.windowOpenHandler!
    expect(handler({ url: 'https://opengovpartnership.org' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(fake.current!.electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('prevents navigation away from the workbench', () => {
    const { window } = open()
    expect(window.webContents.navigate('https://example.org/')).toBe(true)
    expect(window.webContents.navigate('file:///etc/passwd')).toBe(true)
    expect(window.webContents.navigate('file:///app/out/renderer/index.html')).toBe(true)
    expect(window.webContents.navigate('app://atelier.example.org/')).toBe(true)
    expect(fake.current!.electron.shell.openExternal).not.toHaveBeenCalled()
    expect(window.webContents.navigate('app://atelier/index.html')).toBe(false)
    // The preview frame stays on the preview's scheme (a refresh tag, a link in the page).
    expect(window.webContents.navigateFrame('atelier-preview://site/contribuer/')).toBe(false)
    expect(window.webContents.navigateFrame('https://example.org/')).toBe(true)
    expect(window.webContents.navigateFrame('file:///etc/passwd')).toBe(true)
    // A video inside the preview, once external content is allowed, is the page's own frame.
    expect(window.webContents.navigateFrame('https://video.example.org/', { parent: {} })).toBe(
      false,
    )
  })

  it('restores the remembered size and position, and saves them on close', () => {
    const { window, onStateChange } = open({
      x: 100,
      y: 50,
      width: 900,
      height: 600,
      maximized: false,
    })
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 900, height: 600 })
    window.emit('close')
    expect(onStateChange).toHaveBeenCalledWith({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('does not restore a position that is off every screen', () => {
    const { window } = open({ x: 5000, y: 3000, width: 900, height: 600, maximized: false })
    expect(window.options).toMatchObject({ width: 900, height: 600 })
    expect(window.options).not.toHaveProperty('x')
  })
})
