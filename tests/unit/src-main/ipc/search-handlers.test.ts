import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../../src-main/fs/conditional-write.js'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import { nativePorcelain, nativeRepository } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

const options = { wholeWord: false, collection: null }

async function site() {
  return writeSite({
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    'index.md': page('title: Accueil', 'Bienvenue.\n'),
    '_themes/egalite.md': page('title: Égalité des genres', 'Parler d’égalité.\n'),
    '_cas_pratiques/senegal.md': page('title: Sénégal\npays: Sénégal', 'L’egalite au Sénégal.\n'),
  })
}

describe('search.query', () => {
  it('finds pages by title, settings and text, grouped and titled, filtered by collection', async () => {
    const { handlers, session } = await openSession(await site())
    try {
      const found = await handlers['search.query']({ ...options, query: 'EGALITE' })
      expect(
        found.pages.map((p) => [p.path, p.title, p.matches.map((m) => `${m.line}:${m.text}`)]),
      ).toEqual([
        ['_themes/egalite.md', 'Égalité des genres', ['2:Égalité', '5:égalité']],
        ['_cas_pratiques/senegal.md', 'Sénégal', ['6:egalite']],
      ])
      const themes = await handlers['search.query']({
        ...options,
        query: 'sénégal',
        collection: 'themes',
      })
      expect(themes.pages).toEqual([])
      const value = await handlers['search.query']({ ...options, query: 'senegal' })
      expect(value.pages[0]!.matches.map((m) => m.line)).toEqual([2, 3, 6])
    } finally {
      await session.close()
    }
  })

  it('follows saves, new pages, renames and deletions without reading the other pages again', async () => {
    const root = await site()
    const { handlers, session } = await openSession(root)
    const index = session.requireFolder().search()
    const lines = async (query: string) =>
      (await handlers['search.query']({ ...options, query })).pages.flatMap((p) =>
        p.matches.map((m) => `${p.path}:${m.line}`),
      )
    try {
      // An empty query finds nothing but reads the pages (the view asks it when it opens).
      expect(await handlers['search.query']({ ...options, query: '' })).toMatchObject({ total: 0 })
      expect(index.lastReads).toBe(3)
      expect(await lines('parité')).toEqual([])
      expect(index.lastReads).toBe(0)

      const file = '_themes/egalite.md'
      const base = contentHash(await readFile(path.join(root, file)))
      await handlers['pages.save']({
        path: file,
        text: page('title: Égalité des genres', 'Parler d’égalité.\n\nEt de parité.\n'),
        base,
      })
      expect(await lines('parite')).toEqual([`${file}:7`])
      expect(index.lastReads).toBe(1)

      await handlers['pages.save']({
        path: 'nouvelle.md',
        text: page('title: Parité', 'Texte.\n'),
        base: 'absent',
      })
      expect(await lines('parite')).toEqual([`${file}:7`, 'nouvelle.md:2'])

      const renamed = await handlers['pages.rename']({ path: file, newName: 'genres' })
      expect(renamed.path).toBe('_themes/genres.md')
      expect(await lines('parite')).toEqual(['_themes/genres.md:7', 'nouvelle.md:2'])

      await handlers['pages.delete']({ path: 'nouvelle.md' })
      expect(await lines('parite')).toEqual(['_themes/genres.md:7'])

      // Another program's write, as the watcher reports it.
      await writeFile(path.join(root, 'index.md'), page('title: Accueil', 'Parité.\n'))
      session.requireWorkspace().noteExternalChange(['index.md'])
      expect(await lines('parite')).toEqual(['index.md:5', '_themes/genres.md:7'])
      expect(index.lastReads).toBe(1)
    } finally {
      await session.close()
    }
  })
})

describe('search.replacePlan and search.replaceApply', () => {
  it('previews every changed line, then writes every page as one change', async () => {
    const root = await nativeRepository({
      '_config.yml': CONFIG_WITH_COLLECTIONS,
      '_themes/a.md': page('title: Égalité', 'Une égalité.\r\nRien.\r\n'),
      '_themes/b.md': page('title: Autre', 'EGALITE !\n'),
      'c.md': page('title: Sans', 'Rien ici.\n'),
    })
    const { handlers, session } = await openSession(root)
    try {
      const input = { ...options, query: 'egalite', replacement: 'équité' }
      const plan = await handlers['search.replacePlan'](input)
      expect(plan.matches).toBe(3)
      // In the page index's order (by title).
      expect(plan.pages.map((p) => [p.path, p.changes])).toEqual([
        ['_themes/b.md', [{ line: 5, before: 'EGALITE !', after: 'équité !' }]],
        [
          '_themes/a.md',
          [
            { line: 2, before: 'title: Égalité', after: 'title: équité' },
            { line: 5, before: 'Une égalité.', after: 'Une équité.' },
          ],
        ],
      ])
      await handlers['search.replaceApply']({
        ...input,
        pages: plan.pages.map(({ path: file, hash }) => ({ path: file, hash })),
      })
      expect(await readFile(path.join(root, '_themes/a.md'), 'utf8')).toBe(
        page('title: équité', 'Une équité.\r\nRien.\r\n'),
      )
      expect(await readFile(path.join(root, '_themes/b.md'), 'utf8')).toBe(
        page('title: Autre', 'équité !\n'),
      )
      expect(nativePorcelain(root)).toBe(' M _themes/a.md\n M _themes/b.md\n')
      expect((await handlers['search.query']({ ...options, query: 'equite' })).total).toBe(3)
      expect((await handlers['search.query']({ ...options, query: 'egalite' })).total).toBe(0)
    } finally {
      await session.close()
    }
  })

  it('writes nothing when a page changed since the preview, and says so in French', async () => {
    const root = await nativeRepository({
      '_config.yml': 'title: Guide\n',
      'a.md': page('title: A', 'egalite\n'),
      'b.md': page('title: B', 'egalite\n'),
    })
    const { handlers, session } = await openSession(root)
    try {
      const input = { ...options, query: 'egalite', replacement: 'parité' }
      const plan = await handlers['search.replacePlan'](input)
      expect(plan.pages).toHaveLength(2)
      await writeFile(path.join(root, 'b.md'), page('title: B', 'egalite, changée ailleurs\n'))
      const refused = await handlers['search.replaceApply']({
        ...input,
        pages: plan.pages.map(({ path: file, hash }) => ({ path: file, hash })),
      }).catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(AtelierError)
      expect((refused as AtelierError).code).toBe('changed-since-preview')
      expect(translate('fr', 'errors.changed-since-preview')).toContain('rien n’a été remplacé')
      expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe(page('title: A', 'egalite\n'))
      expect(nativePorcelain(root)).toBe(' M b.md\n')
    } finally {
      await session.close()
    }
  })

  it('tells the renderer of the pages replaced, so their open tabs show the new text', async () => {
    const root = await writeSite({
      'a.md': page('title: A', 'egalite\n'),
      'b.md': page('title: B', 'egalite\n'),
    })
    const { handlers, session } = await openSession(root, { watch: true })
    const told: string[][] = []
    session.subscribe((name, payload) => {
      if (name === 'index.changed') told.push((payload as { paths: string[] }).paths)
    })
    try {
      const input = { ...options, query: 'egalite', replacement: 'parité' }
      const plan = await handlers['search.replacePlan'](input)
      const done = await handlers['search.replaceApply']({
        ...input,
        pages: plan.pages.map(({ path: file, hash }) => ({ path: file, hash })),
      })
      expect(done).toEqual({ pages: 2, matches: 2 })
      expect(told).toEqual([['a.md', 'b.md']])
    } finally {
      await session.close()
    }
  })

  it('keeps the settings readable: a replacement that would break their YAML leaves them', async () => {
    const root = await writeSite({ 'a.md': page('title: Rien', 'Rien à voir.\n') })
    const { handlers, session } = await openSession(root)
    try {
      const plan = await handlers['search.replacePlan']({
        ...options,
        query: 'rien',
        replacement: 'x: [',
      })
      expect(plan.pages[0]!.changes.map((change) => change.line)).toEqual([5])
    } finally {
      await session.close()
    }
  })
})
