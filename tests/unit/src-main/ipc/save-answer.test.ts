import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../../src-main/fs/conditional-write.js'
import { git, nativePorcelain, nativeRepository } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { writeSite } from '../../../helpers/site-fixture.js'

const PAGE = '---\ntitle: À propos\n---\n\nTexte.\n'

/** One save says all the editor shows after it: new base, letter in « Versions », index line. */
describe('pages.save answers where the page stands', () => {
  it('gives the new hash, the status letter native git agrees with, and the index entry', async () => {
    const root = await nativeRepository({ '_config.yml': 'title: Guide\n', 'a-propos.md': PAGE })
    const { handlers, session } = await openSession(root)
    try {
      const base = contentHash(await readFile(path.join(root, 'a-propos.md')))
      const text = PAGE.replace('Texte.', 'Texte revu.')
      const saved = await handlers['pages.save']({ path: 'a-propos.md', text, base })
      expect(saved).toEqual({
        path: 'a-propos.md',
        hash: contentHash(text),
        change: 'modified',
        entry: expect.objectContaining({ path: 'a-propos.md', title: 'À propos' }),
      })
      expect(nativePorcelain(root)).toBe(' M a-propos.md\n')

      // Back to the recorded text: no longer a change, as git says too.
      const back = await handlers['pages.save']({
        path: 'a-propos.md',
        text: PAGE,
        base: saved.hash,
      })
      expect(back.change).toBeNull()
      expect(nativePorcelain(root)).toBe('')

      // A new title reaches the index entry the save returns.
      const retitled = PAGE.replace('À propos', 'Qui sommes-nous')
      const renamed = await handlers['pages.save']({
        path: 'a-propos.md',
        text: retitled,
        base: back.hash,
      })
      expect(renamed.entry?.title).toBe('Qui sommes-nous')
      expect(git(root, 'status', '--porcelain')).toBe(' M a-propos.md\n')
    } finally {
      await session.close()
    }
  })

  it('names a new page new, and has no letter outside a repository', async () => {
    const root = await nativeRepository({ '_config.yml': 'title: Guide\n' })
    const { handlers, session } = await openSession(root)
    try {
      const saved = await handlers['pages.save']({ path: 'nouveau.md', text: PAGE, base: 'absent' })
      expect(saved.change).toBe('new')
      expect(saved.entry?.title).toBe('À propos')
    } finally {
      await session.close()
    }
    const plain = await writeSite({ '_config.yml': 'title: Guide\n' })
    const outside = await openSession(plain)
    try {
      const saved = await outside.handlers['pages.save']({
        path: 'x.md',
        text: PAGE,
        base: 'absent',
      })
      expect(saved.change).toBeNull()
    } finally {
      await outside.session.close()
    }
  })
})
