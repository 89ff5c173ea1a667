import { describe, expect, it } from 'vitest'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { writeSite } from '../../../helpers/site-fixture.js'

describe('site model like Jekyll', () => {
  it('gives the starter playbook the URLs and files Jekyll writes', async () => {
    const site = await readSite(bundledStarterPlaybook)
    const outputs = site.documents.flatMap((doc) => (doc.output ? [doc.output] : []))
    // What Debian's `jekyll build` wrote for the starter (checked by hand and in the corpus suite).
    expect(outputs.sort()).toEqual([
      'articles/2024/05/lancer-un-plan-d-action-local/index.html',
      'cas-pratiques/benin-registre-demandes/index.html',
      'cas-pratiques/cameroun-carte-points-d-eau/index.html',
      'cas-pratiques/cote-d-ivoire-forum-jeunes/index.html',
      'cas-pratiques/madagascar-charte-parlementaires/index.html',
      'cas-pratiques/senegal-budget-communal/index.html',
      'contribuer/index.html',
      'index.html',
      'themes/acces-information/index.html',
      'themes/innovation-ecosystemes/index.html',
      'themes/participation-citoyenne/index.html',
      'themes/plaidoyer-allies/index.html',
      'themes/transparence-budgetaire/index.html',
    ])
    expect(site.sassFiles.map((f) => f.output)).toEqual([])
    expect(site.staticFiles.map((f) => f.output)).toContain('assets/css/style.css')
    expect(site.staticFiles.map((f) => f.output)).not.toContain('_atelier.yml')
    const theme = site.documents.find((doc) => doc.relativePath === '_themes/acces-information.md')!
    expect(theme.data.layout).toBe('theme')
    expect(theme.url).toBe('/themes/acces-information/')
  })

  it('follows permalink styles, dates, categories, defaults, data files and excludes', async () => {
    const root = await writeSite({
      '_config.yml': [
        'permalink: pretty',
        'baseurl: /guide',
        'collections:',
        '  fiches:',
        '    output: true',
        '    permalink: /fiches/:path/',
        '  brouillons:',
        '    output: false',
        'defaults:',
        '  - scope: { path: "docs" }',
        '    values: { layout: doc, auteur: équipe }',
        '  - scope: { path: "docs/speciaux" }',
        '    values: { auteur: spécial }',
        'exclude: [notes/]',
      ].join('\n'),
      '_posts/2024-03-05-première-note.md':
        '---\ncategories: [budget, Bénin, mon budget]\n---\nTexte\n',
      '_posts/sans-date.md': '---\n---\nignoré\n',
      '_fiches/sous/dossier.md': '---\ntitle: Fiche\n---\n',
      '_brouillons/x.md': '---\n---\n',
      'docs/a.md': '---\n---\n',
      'docs/speciaux/b.md': '---\nlayout: autre\n---\n',
      'docs/plain.md': 'pas de front matter\n',
      'notes/secret.md': '---\n---\n',
      'about.html': '---\npermalink: /a-propos/\n---\n<p>x</p>',
      'feed.xml': '---\nlayout: null\n---\n<feed/>',
      '_data/equipe.yml': '- nom: Aminata\n',
      '_data/pays/afrique.json': '{"bj": "Bénin"}',
      '_data/chiffres.csv': 'pays,budget\nBénin,12\n',
      '_includes/x.html': 'x',
      '.cache/y': 'y',
      'brouillon.md': '---\npublished: false\n---\n',
      '_posts/2999-01-01-futur.md': '---\n---\n',
    })
    const site = await readSite(root)
    const byPath = new Map(site.documents.map((doc) => [doc.relativePath, doc]))
    const post = byPath.get('_posts/2024-03-05-première-note.md')!
    // As Debian's jekyll 4.3 writes it for the same post.
    expect(post.url).toBe('/budget/b%C3%A9nin/mon%20budget/2024/03/05/premi%C3%A8re-note/')
    expect(post.output).toBe('budget/bénin/mon budget/2024/03/05/première-note/index.html')
    expect(post.data.title).toBe('Première Note')
    expect(byPath.has('_posts/sans-date.md')).toBe(false)
    expect(byPath.get('_fiches/sous/dossier.md')?.url).toBe('/fiches/sous/dossier/')
    expect(byPath.get('_brouillons/x.md')?.output).toBeNull()
    expect(byPath.get('docs/a.md')?.url).toBe('/docs/a/')
    expect(byPath.get('docs/a.md')?.data).toMatchObject({ layout: 'doc', auteur: 'équipe' })
    expect(byPath.get('docs/speciaux/b.md')?.data).toMatchObject({
      layout: 'autre',
      auteur: 'spécial',
    })
    expect(byPath.has('notes/secret.md')).toBe(false)
    // Not written by Jekyll: `published: false`, and posts dated in the future.
    expect(byPath.has('brouillon.md')).toBe(false)
    expect(byPath.has('_posts/2999-01-01-futur.md')).toBe(false)
    expect(byPath.get('about.html')?.output).toBe('a-propos/index.html')
    expect(byPath.get('feed.xml')?.output).toBe('feed.xml')
    expect(site.staticFiles.filter((f) => f.root === site.root).map((f) => f.relativePath)).toEqual(
      ['docs/plain.md'],
    )
    expect(site.data).toEqual({
      equipe: [{ nom: 'Aminata' }],
      pays: { afrique: { bj: 'Bénin' } },
      chiffres: [{ pays: 'Bénin', budget: '12' }],
    })
    expect(site.config.baseurl).toBe('/guide')
  })
})
