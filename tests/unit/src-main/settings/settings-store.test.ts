import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SETTINGS_FILE, SettingsStore } from '../../../../src-main/settings/settings-store.js'
import { tempDir } from '../../../helpers/temp-dir.js'

describe('SettingsStore', () => {
  it('starts in French and keeps the chosen language across launches', async () => {
    const dir = await tempDir()
    const first = await SettingsStore.load(dir)
    expect(first.get().language).toBe('fr')
    await first.setLanguage('en')
    expect((await SettingsStore.load(dir)).get().language).toBe('en')
  })

  it('autosaves by default, and remembers when it is turned off', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.load(dir)
    expect(store.publicSettings().autosave).toBe(true)
    await store.setAutosave(false)
    expect((await SettingsStore.load(dir)).publicSettings().autosave).toBe(false)
  })

  it('remembers the last workspace and a short list of recent ones, newest first, no duplicates', async () => {
    const dir = await tempDir()
    const store = await SettingsStore.load(dir)
    for (const folder of ['/a', '/b', '/a', ...Array.from({ length: 10 }, (_, i) => `/x${i}`)]) {
      await store.rememberWorkspace(folder)
    }
    const again = await SettingsStore.load(dir)
    expect(again.get().lastWorkspace).toBe('/x9')
    expect(again.get().recentWorkspaces).toHaveLength(8)
    expect(new Set(again.get().recentWorkspaces).size).toBe(8)
  })

  it('sets a damaged file aside and starts with defaults', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, SETTINGS_FILE), '{ pas du json')
    const store = await SettingsStore.load(dir)
    expect(store.get().language).toBe('fr')
    expect(await readFile(path.join(dir, `${SETTINGS_FILE}.broken`), 'utf8')).toBe('{ pas du json')
  })
})

describe('open tabs', () => {
  it('are kept per folder across a restart', async () => {
    const dataDir = await tempDir('atelier-settings-')
    const store = await SettingsStore.load(dataDir)
    expect(store.openTabsOf('/guides/a')).toEqual({ tabs: [], active: null })
    await store.setOpenTabs('/guides/a', {
      tabs: ['index.md', 'file:_config.yml'],
      active: 'index.md',
    })
    await store.setOpenTabs('/guides/b', { tabs: ['contribuer.md'], active: null })
    const again = await SettingsStore.load(dataDir)
    expect(again.openTabsOf('/guides/a')).toEqual({
      tabs: ['index.md', 'file:_config.yml'],
      active: 'index.md',
    })
    expect(again.openTabsOf('/guides/b')).toEqual({ tabs: ['contribuer.md'], active: null })
  })
})
