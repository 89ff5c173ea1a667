import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import '../../../helpers/fast-check-seed.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

/** Files of the site before: pages, a case study, and site files (a layout, an include, data). */
const BEFORE: Record<string, string> = {
  '_config.yml': CONFIG_WITH_COLLECTIONS,
  '_layouts/default.html': '<main>{{ content }}</main>\n',
  '_includes/note.html': '<p>{{ include.texte }}</p>\n',
  '_data/pays.yml': '- Bénin\n',
  'a-propos.md': page('title: À propos'),
  'contribuer.md': page('title: Contribuer'),
  '_cas_pratiques/benin.md': page('title: Bénin'),
}
const EXISTING = Object.keys(BEFORE).filter((file) => file !== '_config.yml')
const NEW = ['nouveau.md', '_cas_pratiques/togo.md', '_includes/encadre.html', 'notes.txt']

type Change = { kind: 'write' | 'delete'; file: string }

const changes = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom(...EXISTING).map((file): Change => ({ kind: 'write', file })),
    fc.constantFrom(...EXISTING).map((file): Change => ({ kind: 'delete', file })),
    fc.constantFrom(...NEW).map((file): Change => ({ kind: 'write', file })),
  ),
  { selector: (change) => change.file, minLength: 1, maxLength: 6 },
)

describe('the watcher’s catch-up', () => {
  it('tells every file written or deleted before the watcher was live, and no other', async () => {
    await fc.assert(
      fc.asyncProperty(changes, async (made) => {
        const root = await writeSite(BEFORE)
        const workspace = await Workspace.open(root, { watched: true })
        await workspace.pages()
        const told = new Set<string>()
        workspace.onChange((batch) => {
          for (const change of batch) if (change.kind === 'outside') told.add(change.path)
        })
        const watching = workspace.watch()
        // Before the watcher's first look: it takes the folder as it then is.
        for (const { kind, file } of made) {
          const absolute = path.join(root, file)
          if (kind === 'delete') unlinkSync(absolute)
          else {
            mkdirSync(path.dirname(absolute), { recursive: true })
            // Longer than any file before: a change of size, whatever the clock's grain.
            writeFileSync(
              absolute,
              file.endsWith('.md') ? page(`title: ${'x'.repeat(80)}`) : 'y'.repeat(120),
            )
          }
        }
        await watching
        await workspace.close()
        expect([...told].sort()).toEqual(made.map((change) => change.file).sort())
      }),
      { numRuns: 25 },
    )
  })
})
