import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src-main/ipc/dispatch.js'
import { createHandlers } from '../../../src-main/ipc/handlers.js'
import { Session } from '../../../src-main/session.js'
import { SettingsStore } from '../../../src-main/settings/settings-store.js'
import { bundledStarterPlaybook } from '../../../src-main/paths.js'
import { CONFIG_WITH_COLLECTIONS, writeSite } from '../../helpers/site-fixture.js'
import { fakePlatform } from '../../helpers/host-platform.js'
import { tempDir } from '../../helpers/temp-dir.js'

async function session() {
  const dataDir = await tempDir()
  return { dataDir, session: new Session(await SettingsStore.load(dataDir), false) }
}

describe('Session start-up', () => {
  it('opens the starter copy first, then the last folder used on later launches', async () => {
    const { dataDir, session: first } = await session()
    const starter = await first.openAtStartup({ starterBundle: bundledStarterPlaybook, dataDir })
    expect(starter.name).toBe('guide-gouvernement-ouvert')
    expect(starter.branch).toBe('main')

    const other = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS })
    await first.open(other)
    const second = new Session(await SettingsStore.load(dataDir), false)
    const reopened = await second.openAtStartup({ starterBundle: bundledStarterPlaybook, dataDir })
    expect(reopened.root).toBe(other)
    expect(second.settings.get().recentWorkspaces.slice(0, 2)).toEqual([other, starter.root])
  })

  it('skips a requested or remembered folder that no longer exists', async () => {
    const { dataDir, session: current } = await session()
    const info = await current.openAtStartup({
      requested: '/nulle/part',
      starterBundle: bundledStarterPlaybook,
      dataDir,
    })
    expect(info.name).toBe('guide-gouvernement-ouvert')
  })
})

describe('Session watching', () => {
  it('starts watching when the workbench has its list, and tells what changed before', async () => {
    const root = await writeSite({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      'a-propos.md': '---\ntitle: À propos\n---\nTexte.\n',
    })
    const dataDir = await tempDir()
    const watched = new Session(await SettingsStore.load(dataDir))
    const heard: string[][] = []
    watched.subscribe((name, payload) => {
      if (name === 'index.changed') heard.push((payload as { paths: string[] }).paths)
    })
    await watched.open(root)
    // Before the watcher starts: it cannot see this, the catch-up must.
    await writeFile(path.join(root, 'nouveau.md'), '---\ntitle: Nouveau\n---\nTexte.\n')
    expect(await dispatch(createHandlers(watched, fakePlatform), 'checks.list', {})).toMatchObject({
      ok: true,
    })
    await watched.startWatching()
    expect(heard).toEqual([['nouveau.md']])
    // Live from then on.
    await writeFile(path.join(root, 'ensuite.md'), '---\ntitle: Ensuite\n---\nTexte.\n')
    await vi.waitFor(() => expect(heard).toEqual([['nouveau.md'], ['ensuite.md']]))
    await watched.close()
  })
})
