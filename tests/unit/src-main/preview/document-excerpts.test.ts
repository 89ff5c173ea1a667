import { describe, it } from 'vitest'
import { expectBuildLikeJekyll, hasJekyll } from '../../../helpers/jekyll-differential.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/**
 * Jekyll 4 cuts an excerpt for every collection document, not only posts: a
 * playbook's theme list printing `{{ theme.excerpt }}` under each title shows
 * the first paragraph. Compared with `jekyll build`, for documents in Markdown
 * and in HTML, with the site's and the document's separator and a given excerpt.
 */
describe('collection documents’ excerpts', () => {
  it.skipIf(!hasJekyll())(
    'are cut and converted as Jekyll’s',
    async () => {
      const site = await writeSite({
        '_config.yml':
          'title: Guide\ncollections:\n  themes:\n    output: true\n  cas:\n    output: false\n',
        '_layouts/base.html': '<main>{{ content }}</main>\n<aside>[{{ page.excerpt }}]</aside>\n',
        '_themes/eau.md':
          '---\nlayout: base\ntitle: Eau\n---\nUn **premier** paragraphe\nsur deux lignes.\n\nLa suite.\n',
        '_themes/terre.md':
          '---\nlayout: base\ntitle: Terre\nexcerpt_separator: <!--plus-->\n---\nDébut _long_\n\nencore<!--plus-->\n\nfin\n',
        '_themes/air.html': '---\nlayout: base\ntitle: Air\n---\n<p>HTML</p>\n\n<p>Suite</p>\n',
        '_cas/benin.md': '---\ntitle: Bénin\nexcerpt: Résumé *écrit*\n---\nTexte\n',
        'index.md':
          '---\nlayout: base\n---\n{% for t in site.themes %}<h2>{{ t.title }}</h2>{{ t.excerpt }}{% endfor %}\n{% for c in site.cas %}<p>{{ c.excerpt }}</p>{% endfor %}\n',
      })
      await expectBuildLikeJekyll(site, { minPages: 4 })
    },
    60_000,
  )
})
