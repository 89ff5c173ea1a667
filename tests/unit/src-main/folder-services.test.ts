import { describe, expect, it } from 'vitest'
import { openSession } from '../../helpers/session.js'
import { writeSite } from '../../helpers/site-fixture.js'

describe('the services of an open folder', { timeout: 60_000 }, () => {
  it('runs « Problèmes »’ build checks in the preview’s render workers, on the site as saved', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      'cas.md': '---\ntitle: Cas\n---\nTexte.\n',
    })
    const { session, handlers } = await openSession(root)
    session.preview = { origin: 'http://preview.invalid', frameAncestors: "'self'" }
    try {
      const folder = session.requireFolder()
      expect(await handlers['workspace.problems']({})).toEqual([])
      // The checks started a worker of the preview's pool, not one of their own.
      const renderer = folder.preview("'self'").renderer
      expect(renderer.workers).toBe(1)
      const previewed = await handlers['preview.update']({ path: 'cas.md', text: 'Vu.\n' })
      expect(previewed.html).toContain('<p>Vu.</p>')
      expect(renderer.workers).toBe(1)

      // A save the checks must see: the site model they share with the preview follows it.
      const { hash } = await session.requireWorkspace().readPage('cas.md')
      await handlers['pages.save']({
        path: 'cas.md',
        text: '---\ntitle: Cas\n---\n{% if true %}Ouvert.\n',
        base: hash,
      })
      expect(await handlers['workspace.problems']({})).toEqual([
        expect.objectContaining({ code: 'liquid', file: 'cas.md' }),
      ])
    } finally {
      await session.close()
    }
  })
})
