import { describe, expect, it } from 'vitest'
import { afterOpening } from '../../../../src-main/ipc/after-opening.js'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { createHandlers } from '../../../../src-main/ipc/handlers.js'
import { Session } from '../../../../src-main/session.js'
import { SettingsStore } from '../../../../src-main/settings/settings-store.js'
import { fakePlatform } from '../../../helpers/host-platform.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function session() {
  return new Session(await SettingsStore.load(await tempDir('atelier-data-')), false)
}

describe('calls made while the first folder opens', () => {
  it('are answered on that folder once it is open, not on none', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/a.md': page('title: A\norder: 1'),
    })
    const opened = await session()
    const opening = opened.open(root)
    const handlers = afterOpening(createHandlers(opened, fakePlatform), opening)
    // Asked before the opening is over, as the window does when it loads faster than the folder.
    const [index, info] = await Promise.all([
      dispatch(handlers, 'pages.index', {}),
      dispatch(handlers, 'workspace.current', {}),
    ])
    expect(index).toMatchObject({ ok: true, value: { pages: [{ path: '_themes/a.md' }] } })
    expect(info).toMatchObject({ ok: true, value: { root } })
    // Ungated, the same early call finds no folder.
    const early = await session()
    const direct = createHandlers(early, fakePlatform)
    const opening2 = early.open(root)
    expect(await dispatch(direct, 'pages.index', {})).toMatchObject({
      ok: false,
      error: { code: 'no-workspace' },
    })
    await opening2
  })

  it('go through when the opening fails: the workbench shows no folder', async () => {
    const failed = await session()
    const opening = failed.open('/nonexistent/atelier-folder')
    const handlers = afterOpening(createHandlers(failed, fakePlatform), opening)
    await expect(opening).rejects.toThrow()
    expect(await dispatch(handlers, 'workspace.current', {})).toEqual({ ok: true, value: null })
    expect(await dispatch(handlers, 'pages.index', {})).toMatchObject({
      ok: false,
      error: { code: 'no-workspace' },
    })
  })
})
