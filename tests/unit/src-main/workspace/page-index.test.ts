import { utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { classify, PageIndex } from '../../../../src-main/workspace/page-index.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const site = {
  '_config.yml': CONFIG_WITH_COLLECTIONS,
  '_themes/b.md': page('title: Thème 2\norder: 2'),
  '_themes/a.md': page('title: Thème 10\norder: 10'),
  '_themes/c.md': page('# un commentaire\ntitle: Thème 1 # titre\norder: 1'),
  '_cas_pratiques/togo.md': page('title: Exemple – Togo'),
  '_cas_pratiques/casse.md': page('title: [pas fermé\norder: 3'),
  '_posts/2024-05-14-plan-local.md': page('description: sans titre'),
  'index.md': page('title: Accueil'),
  'README.md': '# Lisez-moi\n',
  'notes.md': 'Pas de réglages, donc pas une page pour Jekyll.\n',
  '_layouts/default.html': '<html>{{ content }}</html>\n',
  '_includes/nav.html': '<nav></nav>\n',
  'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  '_site/index.html': 'built output, never listed',
}

describe('PageIndex', () => {
  it('lists pages by collection, sorted by order then title, with front-matter titles', async () => {
    const root = await writeSite(site)
    const { pages } = await new PageIndex(root).scan()
    const themes = pages.filter((entry) => entry.collection === 'themes')
    expect(themes.map((entry) => [entry.title, entry.order])).toEqual([
      ['Thème 1', 1],
      ['Thème 2', 2],
      ['Thème 10', 10],
    ])
    expect(pages.find((entry) => entry.path === 'index.md')).toMatchObject({
      collection: 'pages',
      title: 'Accueil',
    })
    // A post without a title gets Jekyll's title from its file name.
    expect(pages.find((entry) => entry.collection === 'posts')?.title).toBe('plan local')
  })

  it('keeps a page whose front matter does not parse, with a French problem and its line', async () => {
    const root = await writeSite(site)
    const { pages } = await new PageIndex(root).scan()
    const broken = pages.find((entry) => entry.path === '_cas_pratiques/casse.md')
    // The parser notices the missing `]` on the next line of the file.
    expect(broken?.error).toMatchObject({ code: 'yaml', line: 3 })
    expect(broken?.error?.message).toMatch(/mal écrits/)
    expect(broken?.title).toBe('casse')
  })

  it('puts layouts, includes, assets, excluded and front-matter-less files under site files', async () => {
    const root = await writeSite(site)
    const { files, pages } = await new PageIndex(root).scan()
    expect(files).toEqual(
      expect.arrayContaining([
        '_config.yml',
        '_layouts/default.html',
        '_includes/nav.html',
        'assets/logo.png',
        'README.md',
        'notes.md',
      ]),
    )
    expect(files.some((file) => file.startsWith('_site/'))).toBe(false)
    expect(pages.some((entry) => entry.path === 'notes.md')).toBe(false)
  })

  it('reports unclosed, non-UTF-8 and non-mapping front matter', async () => {
    const root = await writeSite({
      'ouvert.md': '---\ntitle: jamais fermé\n\nCorps\n',
      'latin1.md': Buffer.concat([
        Buffer.from('---\ntitle: '),
        Buffer.from([0xe9, 0x74, 0xe9]),
        Buffer.from('\n---\n'),
      ]),
      'liste.md': '---\n- a\n- b\n---\n',
    })
    const { pages } = await new PageIndex(root).scan()
    const codes = Object.fromEntries(pages.map((entry) => [entry.path, entry.error?.code]))
    expect(codes).toEqual({
      'ouvert.md': 'unclosed',
      'latin1.md': 'not-utf8',
      'liste.md': 'not-a-mapping',
    })
  })

  it('reads only changed files on a warm scan (cache by path, mtime and size)', async () => {
    const root = await writeSite(site)
    const index = new PageIndex(root)
    const cold = await index.scan()
    expect(index.lastScanReads).toBeGreaterThanOrEqual(cold.pages.length)
    await index.scan()
    expect(index.lastScanReads).toBe(0)

    const file = path.join(root, '_themes/b.md')
    await writeFile(file, page('title: Thème deux\norder: 2'))
    const later = new Date(Date.now() + 5000)
    await utimes(file, later, later)
    const warm = await index.scan()
    expect(index.lastScanReads).toBe(1)
    expect(warm.pages.find((entry) => entry.path === '_themes/b.md')?.title).toBe('Thème deux')
  })

  it('reads the titles people write: quoted, with Windows line ends, from the parser when unusual', async () => {
    const root = await writeSite({
      'guillemets.md': page('title: "Budget : mode d’emploi"\norder: 2'),
      'windows.md': '---\r\ntitle: Fenêtres\r\norder: 3\r\n---\r\n\r\nTexte.\r\n',
      'ancre.md': page('base: &titre Titre partagé\ntitle: *titre\norder: 0x0A'),
      'sur-deux-lignes.md': page('title: Un titre\n  sur deux lignes'),
    })
    const { pages } = await new PageIndex(root).scan()
    expect(pages.map((entry) => [entry.path, entry.title, entry.order, entry.error])).toEqual([
      ['guillemets.md', 'Budget : mode d’emploi', 2, null],
      ['windows.md', 'Fenêtres', 3, null],
      ['ancre.md', 'Titre partagé', 10, null],
      ['sur-deux-lignes.md', 'Un titre sur deux lignes', null, null],
    ])
  })

  it('lists hostile pages with their problem: front matter too long, or nested too deep', async () => {
    const root = await writeSite({
      'immense.md': page('a: b\n'.repeat(60_000)),
      'profond.md': page(`title: ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    })
    const { pages } = await new PageIndex(root).scan()
    const errors = Object.fromEntries(pages.map((entry) => [entry.title, entry.error?.message]))
    expect(errors).toEqual({
      immense: expect.stringMatching(/trop longs/),
      profond: expect.stringMatching(/mal écrits.*ligne 2/),
    })
  })

  it('reads front matter only, not whole bodies', async () => {
    const body = 'x'.repeat(3 * 1024 * 1024)
    const root = await writeSite({ 'gros.md': page('title: Gros', body) })
    const { pages } = await new PageIndex(root).scan()
    expect(pages[0]).toMatchObject({ title: 'Gros', error: null })
  })
})

describe('classify', () => {
  const config = {
    collections: [
      { name: 'themes', folder: '_themes', output: true },
      { name: 'posts', folder: '_posts', output: true },
    ],
    exclude: ['docs', '*.draft.md', 'vendor/**/notes.md'],
    include: [],
    collectionsDir: '',
  }
  it.each([
    ['_themes/a.md', 'themes'],
    ['_posts/2024-01-01-a.markdown', 'posts'],
    ['fr/contribuer.html', 'pages'],
    ['_drafts/a.md', null],
    ['_layouts/page.html', null],
    ['docs/a.md', null],
    ['brouillon.draft.md', null],
    ['vendor/x/y/notes.md', null],
    // Jekyll's `exclude:` is also a plain string prefix (checked by `jekyll build`, what-is-a-page.test.ts).
    ['docs-publiques/a.md', null],
    ['docs.md', null],
    ['guides/a.md', 'pages'],
    ['_themes/_brouillon.md', null],
    ['assets/style.css', null],
  ])('%s → %s', (file, expected) => {
    expect(classify(file, config)).toBe(expected)
  })
})

describe('PageIndex cache on disk', () => {
  it('lets the next launch read only what changed, and survives a damaged cache file', async () => {
    const root = await writeSite(site)
    const cacheFile = path.join(await tempDir(), 'cache', 'index.json')
    const first = new PageIndex(root, cacheFile)
    const cold = await first.scan()
    expect(first.lastScanReads).toBeGreaterThan(0)

    const relaunch = new PageIndex(root, cacheFile)
    expect(await relaunch.scan()).toEqual(cold)
    expect(relaunch.lastScanReads).toBe(0)

    await writeFile(cacheFile, '{ abîmé')
    const afterDamage = new PageIndex(root, cacheFile)
    expect(await afterDamage.scan()).toEqual(cold)
    expect(afterDamage.lastScanReads).toBe(first.lastScanReads)
  })
})
