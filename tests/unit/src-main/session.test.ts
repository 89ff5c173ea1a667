import { describe, expect, it } from 'vitest'
import { Session } from '../../../src-main/session.js'
import { SettingsStore } from '../../../src-main/settings/settings-store.js'
import { bundledStarterPlaybook } from '../../../src-main/paths.js'
import { CONFIG_WITH_COLLECTIONS, writeSite } from '../../helpers/site-fixture.js'
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
