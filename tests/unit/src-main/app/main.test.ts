import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CALL_CHANNEL } from '../../../../src-shared/api/names.js'
import { createFakeElectron, FakeBrowserWindow } from '../../../helpers/fake-electron.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const projectRoot = path.resolve(import.meta.dirname, '../../../..')

async function startWith(lock: boolean) {
  const userData = await tempDir('atelier-userdata-')
  const fake = createFakeElectron({ userData, appPath: projectRoot, lock })
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
  return { userData, fake }
}

describe('Electron entry', () => {
  it('quits when another instance already runs', async () => {
    const { fake } = await startWith(false)
    expect(fake.electron.app.quit).toHaveBeenCalled()
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

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

    // A second instance brings this window forward.
    fake.electron.app.emit('second-instance')
    expect(FakeBrowserWindow.instances[0]!.focus).toHaveBeenCalled()
  }, 30_000)
})
