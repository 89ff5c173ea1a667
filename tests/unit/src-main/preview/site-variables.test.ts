import { describe, expect, it } from 'vitest'
import { PreviewService } from '../../../../src-main/preview/preview-service.js'
import { expectBuildLikeJekyll, hasJekyll } from '../../../helpers/jekyll-differential.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/**
 * The Jekyll variables a playbook's layouts use to link and group posts and
 * documents — `page.previous`/`page.next`, `site.categories`/`site.tags`,
 * `post.tags`, `site.related_posts`, excerpts, `site.html_pages`,
 * `site.static_files`, `site.documents`, `site.collections` — printed by a
 * small site and compared with `jekyll build`, which is the judge.
 */
const names = (list: string) => `{% for d in ${list} %}[{{ d.title }}]{% endfor %}`

const site: Record<string, string> = {
  '_config.yml': [
    'title: Guide',
    'collections:',
    '  recettes:',
    '    output: true',
    '  notes:',
    '    output: false',
    '',
  ].join('\n'),
  '_layouts/default.html': '<html><body>{{ content }}</body></html>\n',
  '_layouts/post.html': [
    '---',
    'layout: default',
    '---',
    '<h1>{{ page.title }}</h1>',
    '<p>précédent: {{ page.previous.title }} | {{ page.previous.url }}</p>',
    '<p>suivant: {{ page.next.title }} | {{ page.next.url }}</p>',
    '<p>catégories: {{ page.categories | join: "," }} tags: {{ page.tags | join: "," }}</p>',
    `<p>liés: ${names('site.related_posts')}</p>`,
    '<p>résumé: {{ page.excerpt }}</p>',
    '{{ content }}',
    '',
  ].join('\n'),
  '_layouts/recette.html': [
    '---',
    'layout: default',
    '---',
    '<p>{{ page.title }} ← {{ page.previous.title }} → {{ page.next.title }}</p>',
    '<p>cat: {{ page.categories | join: "," }} tags: {{ page.tags | join: "," }}</p>',
    '<p>extrait: {{ page.excerpt }}</p>',
    '<p>liés: {{ site.related_posts | size }}</p>',
    '{{ content }}',
    '',
  ].join('\n'),
  '_posts/2024-01-01-premier.md':
    '---\nlayout: post\ncategory: vie pratique\ntags: a b\n---\nLe **premier** billet.\n\nSuite du premier.\n',
  '_posts/2024-02-01-deuxieme.md':
    '---\nlayout: post\ncategories: [notes, vie]\ntags: [b]\n---\nDeuxième {{ page.title }}.\n',
  '_posts/2024-02-01-aaa.md':
    '---\nlayout: post\ncategories: notes outils\ntag: c\n---\nMême date.<!--more-->\n\nFin.\n',
  '_posts/sous/2024-03-01-sous-dossier.md': '---\nlayout: post\n---\nDans un sous-dossier.\n',
  'blog/_posts/2024-04-01-blog.md':
    '---\nlayout: post\ntitle: Billet du blog\ntags: a\n---\nDans blog/.\n',
  '_recettes/tarte.md':
    '---\nlayout: recette\ntags: sucré\ncategory: dessert\n---\nUne _tarte_.\n\nEt la suite.\n',
  '_recettes/gratin.md': '---\nlayout: recette\ntitle: Le gratin\n---\nUn gratin.\n',
  '_recettes/soupe.md': '---\nlayout: recette\n---\nUne soupe.\n',
  '_notes/une.md': '---\ntitle: Note une\n---\nNote.\n',
  'assets/logo.txt': 'logo\n',
  'about.md': '---\nlayout: default\ntitle: À propos\n---\nÀ propos.\n',
  'flux.xml': '---\n---\n<flux/>\n',
  'index.html': [
    '---',
    'layout: default',
    'title: Accueil',
    '---',
    '<h2>catégories</h2>',
    '{% for c in site.categories %}<p>{{ c[0] }}: {% for p in c[1] %}[{{ p.title }}]{% endfor %}</p>{% endfor %}',
    '<h2>tags</h2>',
    '{% for t in site.tags %}<p>{{ t[0] }}: {% for p in t[1] %}[{{ p.title }}]{% endfor %}</p>{% endfor %}',
    `<p>vie: ${names('site.categories.vie')}</p>`,
    '<h2>billets</h2>',
    '{% for p in site.posts %}<div>{{ p.title }} ({{ p.categories | join: "/" }}) {{ p.excerpt }}</div>{% endfor %}',
    `<p>liés ici: {{ site.related_posts | size }}</p>`,
    '<p>pages html: {{ site.html_pages | map: "url" | join: "," }}</p>',
    '<p>pages: {{ site.pages | map: "url" | join: "," }}</p>',
    '{% for f in site.static_files %}<p>statique: {{ f.path }} {{ f.name }} {{ f.basename }} {{ f.extname }} {{ f.collection }}</p>{% endfor %}',
    '<p>documents: {{ site.documents | map: "relative_path" | join: "," }}</p>',
    '{% for c in site.collections %}<p>collection {{ c.label }}: {{ c.docs | size }} {{ c.output }} {{ c.relative_directory }}</p>{% endfor %}',
    `<p>recettes: ${names('site.recettes')}</p>`,
    '{% for r in site.recettes %}<p>{{ r.title }} : {{ r.excerpt }}</p>{% endfor %}',
    '{% for n in site.notes %}<p>{{ n.title }} ← {{ n.previous.title }}</p>{% endfor %}',
    '',
  ].join('\n'),
}

describe('Jekyll variables of posts and collections', () => {
  it.skipIf(!hasJekyll())(
    'print what jekyll build prints',
    async () => {
      await expectBuildLikeJekyll(await writeSite(site), { minPages: 8 })
    },
    120_000,
  )
})

describe('posts below a collections_dir', () => {
  it.skipIf(!hasJekyll())(
    'take no category from that folder',
    async () => {
      const root = await writeSite({
        '_config.yml': 'title: Guide\ncollections_dir: espace\n',
        '_layouts/post.html':
          '<html><body><p>{{ page.categories | join: "," }} {{ site.categories | size }}</p></body></html>',
        'espace/_posts/2024-01-01-un.md': '---\nlayout: post\ncategory: x\n---\nTexte\n',
        'index.html': '---\n---\n<p>{% for c in site.categories %}{{ c[0] }};{% endfor %}</p>\n',
      })
      await expectBuildLikeJekyll(root, { minPages: 2 })
    },
    120_000,
  )
})

describe('an edited post in the preview', () => {
  it('gets its categories and tags from the settings being typed, as on reading', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      '_layouts/post.html':
        '<p>{{ page.categories | join: "," }}|{{ page.tags | join: "," }}|{{ page.title }}</p>',
      'blog/_posts/2024-01-01-un.md': '---\nlayout: post\ncategories: a\n---\nTexte\n',
    })
    const preview = new PreviewService(root, "'self'")
    try {
      const file = 'blog/_posts/2024-01-01-un.md'
      expect(await preview.pageHtml(file)).toContain('<p>blog,a||Un</p>')
      preview.setDraft(file, '---\nlayout: post\ncategories: x y\ntags: t u\n---\nTexte\n')
      expect(await preview.pageHtml(file)).toContain('<p>blog,x,y|t,u|Un</p>')
    } finally {
      await preview.close()
    }
  }, 60_000)
})
