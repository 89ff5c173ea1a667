import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CALL_CHANNEL } from '../../../../src-shared/api/names.js'
import { createFakeElectron, FakeBrowserWindow } from '../../../helpers/fake-electron.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { git } from '../../../helpers/native-git.js'
import { preparePlaybook } from '../../../../src-main/packaging/prepare-playbook.js'
import { maintainersGuide, ORIGIN_URL } from '../packaging/playbook-fixture.js'

const projectRoot = path.resolve(import.meta.dirname, '../../../..')

async function startWith(lock: boolean, packaged = false) {
  const userData = await tempDir('atelier-userdata-')
  const fake = createFakeElectron({ userData, appPath: projectRoot, lock, packaged })
  FakeBrowserWindow.instances = []
  // A fresh `electron` mock and a fresh import of the entry for each launch.
  vi.resetModules()
  vi.doMock('electron', () => fake.electron)
  await import('../../../../src-main/app/main.js')
  // Importing starts the app once; wait for that run to finish its start-up.
  await vi.waitFor(
    () => {
      if (lock) expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0)
      else expect(fake.electron.app.quit).toHaveBeenCalled()
    },
    { timeout: 10_000 },
  )
  if (lock) {
    // The window loads while the first folder opens; a call is answered once it is open.
    const frame = { senderFrame: { url: FakeBrowserWindow.instances[0]!.webContents.getURL() } }
    await fake.ipcHandlers.get(CALL_CHANNEL)!(frame, 'workspace.current', {})
  }
  return { userData, fake }
}

describe('Electron entry', () => {
  it('quits when another instance already runs', async () => {
    const { fake } = await startWith(false)
    expect(fake.electron.app.quit).toHaveBeenCalled()
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  }, 30_000)

  it('on first launch copies the starter playbook as a git repository and opens one secure window', async () => {
    const { userData, fake } = await startWith(true)
    const playbook = path.join(userData, 'guide-gouvernement-ouvert')
    expect(existsSync(path.join(playbook, '_config.yml'))).toBe(true)
    const log = execFileSync('git', ['log', '--oneline'], { cwd: playbook, encoding: 'utf8' })
    expect(log.trim().split('\n')).toHaveLength(1)

    expect(FakeBrowserWindow.instances).toHaveLength(1)
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    expect(fake.electron.ipcMain.handle).toHaveBeenCalledWith(CALL_CHANNEL, expect.any(Function))
    expect(fake.electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled()
    // Workspace images are served by the app's own scheme, not from the network.
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app' }),
      expect.objectContaining({ scheme: 'atelier-media' }),
      expect.objectContaining({ scheme: 'atelier-preview' }),
    ])
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith(
      'atelier-media',
      expect.any(Function),
    )
    // The preview has its own scheme: the starter's home page, rendered, with no script allowed
    // but Atelier's bridge, by the nonce of this response.
    const previewCall = vi
      .mocked(fake.electron.protocol.handle)
      .mock.calls.find(([scheme]) => scheme === 'atelier-preview')
    const preview = await (previewCall![1] as (request: Request) => Promise<Response>)(
      new Request('atelier-preview://site/'),
    )
    expect(preview.status).toBe(200)
    const nonce = /script-src 'nonce-([^']+)';/.exec(
      preview.headers.get('content-security-policy') ?? '',
    )?.[1]
    expect(nonce).toBeDefined()
    const html = await preview.text()
    expect(html).toContain('Guide du gouvernement ouvert')
    expect(html).toContain(`<script nonce="${nonce}">`)

    // The workbench frame can list the starter's pages through IPC.
    const handler = fake.ipcHandlers.get(CALL_CHANNEL)!
    const frame = { senderFrame: { url: FakeBrowserWindow.instances[0]!.webContents.getURL() } }
    const result = (await handler(frame, 'pages.index', {})) as {
      ok: boolean
      value: { pages: unknown[] }
    }
    expect(result.ok).toBe(true)
    expect(result.value.pages.length).toBeGreaterThanOrEqual(10)

    // The workbench comes from the app's own scheme, which is the only sender IPC trusts.
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('app://atelier/index.html')
    const outsider = (await handler(
      { senderFrame: { url: 'file:///tmp/x.html' } },
      'pages.index',
      {},
    )) as {
      ok: boolean
    }
    expect(outsider.ok).toBe(false)

    // A second instance brings this window forward.
    fake.electron.app.emit('second-instance', {}, ['electron', 'main.js'], '/tmp')
    expect(FakeBrowserWindow.instances[0]!.focus).toHaveBeenCalled()
    expect(await handler(frame, 'review.pendingFile', {})).toEqual({ ok: true, value: null })
  }, 30_000)

  it('hands a contribution file given to a second launch, or by macOS, to the running window', async () => {
    const { fake } = await startWith(true)
    const contents = FakeBrowserWindow.instances[0]!.webContents
    const call = async (name: string) => {
      const ipc = fake.ipcHandlers.get(CALL_CHANNEL)!
      const frame = { senderFrame: { url: contents.getURL() } }
      return ((await ipc(frame, name, {})) as { value: unknown }).value
    }
    const told = () => contents.sent.filter((args) => args[1] === 'review.fileWaiting').length
    expect(await call('review.pendingFile')).toBeNull()

    // Double-clicked on Windows or Linux: a second launch, relative to its own folder.
    fake.electron.app.emit(
      'second-instance',
      {},
      ['electron', 'main.js', 'recu/aminata.bundle'],
      '/home/a',
    )
    expect(told()).toBe(1)
    expect(await call('review.pendingFile')).toBe(path.resolve('/home/a/recu/aminata.bundle'))
    expect(await call('review.pendingFile')).toBeNull()

    // On macOS, the system sends `open-file`; another kind of file is left alone.
    const prevented = vi.fn()
    fake.electron.app.emit('open-file', { preventDefault: prevented }, '/Users/b/notes.txt')
    expect(await call('review.pendingFile')).toBeNull()
    fake.electron.app.emit('open-file', { preventDefault: prevented }, '/Users/b/retour.bundle')
    expect(prevented).toHaveBeenCalledTimes(2)
    expect(told()).toBe(2)
    expect(await call('review.pendingFile')).toBe('/Users/b/retour.bundle')
  }, 30_000)

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    const saved = { url: process.env.ELECTRON_RENDERER_URL, resources: process.resourcesPath }
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example.org/'
    Object.assign(process, { resourcesPath: path.join(projectRoot, 'resources') })
    try {
      const packaged = await startWith(true, true)
      expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith(
        'app://atelier/index.html',
      )
      // Still the strict policy on every response (the dev server alone goes without it).
      expect(
        packaged.fake.electron.session.defaultSession.webRequest.onHeadersReceived,
      ).toHaveBeenCalled()
      const handler = packaged.fake.ipcHandlers.get(CALL_CHANNEL)!
      const evil = (await handler(
        { senderFrame: { url: 'https://evil.example.org/' } },
        'pages.index',
        {},
      )) as { ok: boolean }
      expect(evil.ok).toBe(false)

      // Unpackaged (`npm run dev`), the dev server is the renderer.
      const dev = await startWith(true, false)
      expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith(
        'https://evil.example.org/',
      )
      expect(
        dev.fake.electron.session.defaultSession.webRequest.onHeadersReceived,
      ).not.toHaveBeenCalled()
    } finally {
      if (saved.url === undefined) delete process.env.ELECTRON_RENDERER_URL
      else process.env.ELECTRON_RENDERER_URL = saved.url
      Object.assign(process, { resourcesPath: saved.resources })
    }
  }, 60_000)

  it('denies every permission, serves app:// and opens a link only after the user confirms', async () => {
    const { fake } = await startWith(true)
    const defaultSession = fake.electron.session.defaultSession
    const check = vi.mocked(defaultSession.setPermissionCheckHandler).mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid'])
      expect(check(null, permission, 'app://atelier', {})).toBe(false)
    const request = vi.mocked(defaultSession.setPermissionRequestHandler).mock.calls[0]![0] as (
      ...args: unknown[]
    ) => void
    const answer = vi.fn()
    request(null, 'media', answer, {})
    expect(answer).toHaveBeenCalledWith(false)

    const appCall = vi
      .mocked(fake.electron.protocol.handle)
      .mock.calls.find(([scheme]) => scheme === 'app')
    expect(appCall).toBeDefined()
    const serve = appCall![1] as (request: Request) => Promise<Response>
    expect((await serve(new Request('app://atelier/%2e%2e/main/index.js'))).status).toBe(404)

    const handler = fake.ipcHandlers.get(CALL_CHANNEL)!
    const frame = { senderFrame: { url: 'app://atelier/index.html' } }
    const open = async (url: string) => {
      const result = (await handler(frame, 'shell.openExternal', { url })) as {
        ok: boolean
        value?: boolean
      }
      return result.ok && result.value === true
    }
    // « Annuler » (the fake dialog's default answer): nothing opened.
    expect(await open('https://example.org/')).toBe(false)
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1)
    expect(JSON.stringify(vi.mocked(fake.electron.dialog.showMessageBox).mock.calls[0])).toContain(
      'https://example.org/',
    )
    vi.mocked(fake.electron.dialog.showMessageBox).mockResolvedValueOnce({
      response: 0,
      checkboxChecked: false,
    })
    expect(await open('https://example.org/')).toBe(true)
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(await open('file:///etc/passwd')).toBe(false)
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledTimes(2)
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1)
  }, 30_000)

  it('packaged with a maintainers’ guide, opens a clone of it on first launch, not the starter', async () => {
    const source = await maintainersGuide({ origin: ORIGIN_URL })
    const resources = await tempDir('atelier-resources-')
    // Copies, not links: a first launch that went wrong must not write into the sources.
    for (const folder of ['starter-playbook', 'builtin-theme']) {
      await cp(path.join(projectRoot, 'resources', folder), path.join(resources, folder), {
        recursive: true,
      })
    }
    await preparePlaybook(source, path.join(resources, 'playbook'))
    const saved = process.resourcesPath
    Object.assign(process, { resourcesPath: resources })
    try {
      const { userData } = await startWith(true, true)
      const guide = path.join(userData, 'repo')
      expect(git(guide, 'log', '--format=%H')).toBe(git(source, 'log', '--format=%H'))
      expect(git(guide, 'remote', 'get-url', 'origin').trim()).toBe(ORIGIN_URL)
      expect(await readdir(userData)).not.toContain('guide-gouvernement-ouvert')
    } finally {
      Object.assign(process, { resourcesPath: saved })
    }
  }, 60_000)
  it('keeps a host token encrypted by safeStorage in the data folder, and reads it at the next launch', async () => {
    const { userData, fake } = await startWith(true)
    const handler = fake.ipcHandlers.get(CALL_CHANNEL)!
    const frame = { senderFrame: { url: 'app://atelier/index.html' } }
    const set = (await handler(frame, 'sync.credentials.set', {
      url: 'https://git.example.org/guide.git',
      username: 'ana',
      token: 'jeton-tres-secret-42',
    })) as { ok: boolean }
    expect(set.ok).toBe(true)
    expect(fake.electron.safeStorage.encryptString).toHaveBeenCalled()
    const stored = await readFile(path.join(userData, 'credentials.bin'))
    expect(stored.toString('latin1')).not.toContain('jeton-tres-secret-42')
    expect(fake.electron.safeStorage.decryptString(stored)).toContain('jeton-tres-secret-42')
    // Nothing in the settings file, which is plain JSON.
    expect(await readFile(path.join(userData, 'settings.json'), 'utf8')).not.toContain('jeton')
  }, 30_000)
})
