import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { createHandlers } from '../../../../src-main/ipc/handlers.js'
import { Session } from '../../../../src-main/session.js'
import { SettingsStore } from '../../../../src-main/settings/settings-store.js'
import { fakePlatform } from '../../../helpers/host-platform.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function folder(base: string, name: string): Promise<string> {
  const dir = path.join(base, name)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'index.md'), '---\ntitle: Accueil\n---\n')
  return dir
}

/** A session started on `start`, with a native dialog that answers `picked`. */
async function started(start: string, picked: string | null = null) {
  const dataDir = await tempDir('atelier-data-')
  const session = new Session(await SettingsStore.load(dataDir), false)
  await session.open(start)
  const handlers = createHandlers(session, { ...fakePlatform, chooseFolder: async () => picked })
  return { session, handlers }
}

describe('workspace.open from the renderer', () => {
  it('refuses a folder the user did not choose, in French, and keeps the open one', async () => {
    const base = await tempDir()
    const guide = await folder(base, 'guide')
    const other = await folder(base, 'autre')
    const { session, handlers } = await started(guide)
    for (const candidate of [other, '/', '/etc', base, `${guide}/..`, `${other}/`]) {
      expect(await dispatch(handlers, 'workspace.open', { path: candidate }), candidate).toEqual({
        ok: false,
        error: { code: 'folder-not-chosen', detail: candidate },
      })
    }
    expect(session.current()?.root).toBe(guide)
  })

  it('opens the folder chosen in the native dialog, the recent ones and the open one', async () => {
    const base = await tempDir()
    const guide = await folder(base, 'guide')
    const chosen = await folder(base, 'choisi')
    const { session, handlers } = await started(guide, chosen)
    expect(await dispatch(handlers, 'workspace.open', { path: chosen })).toMatchObject({
      ok: false,
      error: { code: 'folder-not-chosen' },
    })
    expect(await dispatch(handlers, 'workspace.chooseFolder', {})).toEqual({
      ok: true,
      value: chosen,
    })
    expect(await dispatch(handlers, 'workspace.open', { path: chosen })).toMatchObject({
      ok: true,
      value: { root: chosen },
    })
    // The start-up folder is now in the recent list.
    expect(await dispatch(handlers, 'workspace.open', { path: guide })).toMatchObject({
      ok: true,
      value: { root: guide },
    })
    expect(await dispatch(handlers, 'workspace.open', { path: guide })).toMatchObject({ ok: true })
    expect(session.current()?.root).toBe(guide)
  })
})
