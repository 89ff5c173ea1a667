import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../../src-main/fs/conditional-write.js'
import { openSession } from '../../../helpers/session.js'
import { writeSite } from '../../../helpers/site-fixture.js'

const PAGE = '---\ntitle: À propos\n---\n\nTexte.\n'

/** The renderer learns of a save from its answer: main neither echoes it nor asks more calls. */
describe('pages.save is the autosave’s only call', () => {
  it('is not reported as a change when only the text changed; a new title still is', async () => {
    const root = await writeSite({ '_config.yml': 'title: Guide\n', 'a-propos.md': PAGE })
    const { handlers, session } = await openSession(root, { watch: true })
    const events: string[][] = []
    session.subscribe((name, payload) => {
      if (name === 'index.changed') events.push((payload as { paths: string[] }).paths)
    })
    try {
      const base = contentHash(await readFile(path.join(root, 'a-propos.md')))
      const text = PAGE.replace('Texte.', 'Texte revu.')
      const saved = await handlers['pages.save']({ path: 'a-propos.md', text, base })
      await handlers['pages.save']({
        path: 'a-propos.md',
        text: text.replace('À propos', 'Qui sommes-nous'),
        base: saved.hash,
      })
      // The settings changed: the explorer's title and order may differ, so it is told.
      for (let tries = 0; events.length === 0 && tries < 500; tries++)
        await new Promise((resolve) => setTimeout(resolve, 10))
      expect(events).toEqual([['a-propos.md']])
    } finally {
      await session.close()
    }
  })

  it('drops the page’s crash-journal entry with a save that succeeds, not with a refused one', async () => {
    const root = await writeSite({ '_config.yml': 'title: Guide\n', 'a-propos.md': PAGE })
    const { handlers, session } = await openSession(root)
    try {
      const base = contentHash(await readFile(path.join(root, 'a-propos.md')))
      const text = PAGE.replace('Texte.', 'Texte non enregistré.')
      await handlers['journal.record']({ path: 'a-propos.md', text, base })
      await expect(
        handlers['pages.save']({ path: 'a-propos.md', text, base: contentHash('autre') }),
      ).rejects.toMatchObject({ code: 'changed-on-disk' })
      expect((await handlers['journal.list']({})).map((entry) => entry.text)).toEqual([text])

      await handlers['pages.save']({ path: 'a-propos.md', text, base })
      expect(await handlers['journal.list']({})).toEqual([])
    } finally {
      await session.close()
    }
  })
})
