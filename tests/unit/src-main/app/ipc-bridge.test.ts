import { describe, expect, it, vi } from 'vitest'
import { forwardEvents, registerIpc } from '../../../../src-main/app/ipc-bridge.js'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../../src-shared/api/names.js'
import { FakeWebContents } from '../../../helpers/fake-electron.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { openSession } from '../../../helpers/session.js'

describe('Electron IPC bridge', () => {
  it('serves the shared handler table to the workbench frame only', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/a.md': page('title: A'),
    })
    const { handlers } = await openSession(root)
    const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>()
    const ipcMain = { handle: vi.fn((channel: string, fn: never) => registered.set(channel, fn)) }
    registerIpc(ipcMain as never, handlers, (url) => url.startsWith('file:///app/'))
    const handle = registered.get(CALL_CHANNEL)!

    const trusted = { senderFrame: { url: 'file:///app/index.html' } }
    expect(await handle(trusted, 'pages.index', {})).toMatchObject({ ok: true })
    expect(await handle(trusted, 'pages.read', { path: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'outside-workspace' },
    })
    const stranger = { senderFrame: { url: 'https://evil.example/' } }
    expect(await handle(stranger, 'pages.index', {})).toMatchObject({ ok: false })
  })

  it('forwards session events to the window', async () => {
    const root = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS })
    const { session } = await openSession(root)
    const contents = new FakeWebContents()
    forwardEvents(session, contents as never)
    session.emit('index.changed', { paths: ['a.md'] })
    expect(contents.sent).toEqual([[EVENT_CHANNEL, 'index.changed', { paths: ['a.md'] }]])
  })
})
