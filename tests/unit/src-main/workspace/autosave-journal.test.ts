import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AutosaveJournal } from '../../../../src-main/workspace/autosave-journal.js'
import { tempDir } from '../../../helpers/temp-dir.js'

describe('AutosaveJournal', () => {
  it('keeps unsaved text across a restart, per workspace, until it is discarded', async () => {
    const dataDir = await tempDir()
    const journal = new AutosaveJournal(dataDir, '/guides/a')
    await journal.record('_themes/acces.md', 'première version')
    await journal.record('_themes/acces.md', 'version plus récente')
    await journal.record('index.md', 'accueil')

    // A new instance, as after a crash and a restart.
    const after = new AutosaveJournal(dataDir, '/guides/a')
    const entries = await after.list()
    expect(entries.map((entry) => [entry.path, entry.text])).toEqual([
      ['_themes/acces.md', 'version plus récente'],
      ['index.md', 'accueil'],
    ])
    expect(await new AutosaveJournal(dataDir, '/guides/b').list()).toEqual([])

    await after.discard('_themes/acces.md')
    expect((await after.list()).map((entry) => entry.path)).toEqual(['index.md'])
  })

  it('skips a damaged entry instead of failing', async () => {
    const dataDir = await tempDir()
    const journal = new AutosaveJournal(dataDir, '/g')
    await journal.record('a.md', 'texte')
    const [folder] = await import('node:fs/promises').then((fs) =>
      fs.readdir(path.join(dataDir, 'journal')),
    )
    await writeFile(path.join(dataDir, 'journal', folder!, 'abime.json'), '{ pas du json')
    expect((await journal.list()).map((entry) => entry.path)).toEqual(['a.md'])
  })
})
