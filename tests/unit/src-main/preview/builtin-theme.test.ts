import { describe, expect, it } from 'vitest'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { SiteRenderer } from '../../../../src-main/preview/render-document.js'
import type { Site } from '../../../../src-main/preview/site-model.js'
import { page, writeSite } from '../../../helpers/site-fixture.js'

/** A playbook written for a theme gem (minima's layout names) that is not in the repository. */
const GEM_PLAYBOOK = {
  '_config.yml': `title: Guide du Togo
description: Le guide des OSC togolaises.
theme: minima
collections:
  themes:
    output: true
    title: Thèmes
    order: 1
  cas_pratiques:
    output: true
    order: 2
`,
  'index.md': page('layout: home\ntitle: Accueil', 'Bienvenue.\n'),
  'a-propos.md': page('layout: page\ntitle: À propos\norder: 5'),
  'mentions.md': page('title: Mentions\norder: 2'),
  '_themes/donnees.md': page(
    'title: Données ouvertes\norder: 2\nhero:\n  title: Thème 2 – Données\n  text: Ouvrir les données publiques.',
  ),
  '_themes/acces.md': page(
    'title: Accès à l’information\norder: 1\ndescription: Le droit de savoir.',
  ),
  '_cas_pratiques/togo.md': page(
    'layout: post\ntitle: Togo – Convaincre\norder: 7\ntheme: donnees\npays: Togo',
    'Le **contexte**.\n',
  ),
  '_cas_pratiques/benin.md': page('title: Bénin – Registre\norder: 1\ntheme: donnees'),
  '_posts/2024-05-14-lancer.md': page('title: Lancer un plan\nauthor: Aminata'),
  'feed.xml': page('layout: null', '<feed>{{ site.title }}</feed>\n'),
  'brut.html': page('layout: none', '<p>brut</p>\n'),
}

async function render(site: Site, relativePath: string): Promise<string> {
  const doc = site.documents.find((item) => item.relativePath === relativePath)!
  return new SiteRenderer(site).renderPage(doc)
}

/** The texts of the side navigation's links, in order. */
function navigation(html: string): string[] {
  const nav = /<nav class="side-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  return [...nav.matchAll(/<(?:a [^>]*|h2)>([^<]*)</g)].map((match) => match[1]!)
}

describe('built-in playbook theme', () => {
  it('dresses a playbook whose theme gem is missing: hero, navigation by order, theme pages listing their case studies', async () => {
    const site = await readSite(await writeSite(GEM_PLAYBOOK))
    expect(site.theme).not.toBeNull()

    const theme = await render(site, '_themes/donnees.md')
    expect(theme).toMatch(/<html lang="fr">/)
    expect(theme).toMatch(
      /<header class="hero">\s*<h1>Thème 2 – Données<\/h1><p class="hero-text">Ouvrir les données publiques.<\/p>/,
    )
    expect(navigation(theme)).toEqual([
      'Accueil',
      'Mentions',
      'À propos',
      'Thèmes',
      'Accès à l’information',
      'Données ouvertes',
      'Cas pratiques',
      'Bénin – Registre',
      'Togo – Convaincre',
      'Articles',
      'Lancer un plan',
    ])
    expect(theme).toContain('<a href="/themes/donnees.html" aria-current="page">')
    // The theme page lists the pages naming it in `theme:`, by order.
    const cases = /<h2 id="cas-du-theme">[\s\S]*<\/section>/.exec(theme)![0]
    expect([...cases.matchAll(/<h3><a href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/cas_pratiques/benin.html',
      '/cas_pratiques/togo.html',
    ])
    // A theme page nobody names yet says so.
    expect(await render(site, '_themes/acces.md')).toContain(
      "Aucun cas pratique n'est encore rattaché à ce thème.",
    )

    // minima's `post` layout is not there: a case study gets the case study layout.
    const togo = await render(site, '_cas_pratiques/togo.md')
    expect(togo).toMatch(/<dt>Pays<\/dt><dd>Togo<\/dd>/)
    expect(togo).toContain('<a href="/themes/donnees.html">Thème 2 – Données</a>')
    expect(togo).toContain('<p>Le <strong>contexte</strong>.</p>')

    const home = await render(site, 'index.md')
    expect(home).toMatch(
      /<h1>Guide du Togo<\/h1><p class="hero-text">Le guide des OSC togolaises.<\/p>/,
    )
    expect(home).toMatch(/<h2 id="liste-themes">Thèmes<\/h2>/)
    expect(home).toMatch(/<h2 id="liste-cas-pratiques">Cas pratiques<\/h2>/)
    expect(await render(site, '_posts/2024-05-14-lancer.md')).toContain('par Aminata')
    // A page without a layout in a site without layouts gets the plain page layout.
    expect(await render(site, 'mentions.md')).toMatch(/<main id="contenu"[\s\S]*<h1>Mentions<\/h1>/)

    // What asks for no layout stays bare, and so does a non-HTML page.
    expect((await render(site, 'feed.xml')).trim()).toBe('<feed>Guide du Togo</feed>')
    expect((await render(site, 'brut.html')).trim()).toBe('<p>brut</p>')

    // The theme's stylesheet and local fonts are part of the site.
    const statics = site.staticFiles.map((file) => file.output)
    expect(statics).toContain('assets/css/style.css')
    expect(statics).toContain('assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2')
  })

  it("lets the site's own includes, layouts and assets win over the theme's", async () => {
    const root = await writeSite({
      ...GEM_PLAYBOOK,
      '_includes/footer.html': '<footer class="site-footer">Pied du Togo</footer>\n',
      '_layouts/page.html': '---\nlayout: default\n---\n<div class="a-moi">{{ content }}</div>\n',
      'assets/css/style.css': 'body { color: red }\n',
    })
    const site = await readSite(root)
    const about = await render(site, 'a-propos.md')
    expect(about).toContain('Pied du Togo')
    expect(about).toContain('<div class="a-moi">')
    expect(about).toContain('<nav class="side-nav"') // `default` still comes from the theme
    const style = site.staticFiles.filter((file) => file.output === 'assets/css/style.css')
    expect(style.map((file) => file.root)).toEqual([root])
  })

  it('is not used by a site that has layouts of its own and no theme gem', async () => {
    const site = await readSite(
      await writeSite({
        '_layouts/default.html': '<main>{{ content }}</main>\n',
        'index.md': page('layout: default\ntitle: Accueil'),
        'nue.md': page('title: Sans mise en page'),
      }),
    )
    expect(site.theme).toBeNull()
    expect(await render(site, 'index.md')).toMatch(/^<main>\s*<p>Texte.<\/p>\s*<\/main>\n$/)
    // As in Jekyll: a page without a layout is its body alone.
    expect(await render(site, 'nue.md')).toMatch(/^\s*<p>Texte.<\/p>\n$/)
  })
})
