import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { SiteRenderer } from '../../../../src-main/preview/render-document.js'
import { writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const hasJekyll = spawnSync('jekyll', ['--version']).status === 0

describe('post excerpts', () => {
  it.skipIf(!hasJekyll)(
    'are converted like Jekyll’s, cut at the blank line or at the excerpt_separator',
    async () => {
      const root = await writeSite({
        '_config.yml': 'title: Guide\n',
        '_layouts/liste.html':
          '<ul>{% for post in site.posts %}<li>{{ post.excerpt }}</li>{% endfor %}</ul>\n{{ content }}',
        'index.md': '---\nlayout: liste\n---\nAccueil\n',
        '_posts/2024-01-02-simple.md':
          '---\ntitle: Simple\n---\n\nUn **premier** paragraphe\nsur deux lignes.\n\nLa suite.\n',
        '_posts/2024-01-03-coupe.md':
          '---\ntitle: Coupé\nexcerpt_separator: <!--plus-->\n---\nDébut _long_\n\nencore<!--plus-->\n\nfin\n',
        '_posts/2024-01-04-donne.md': '---\ntitle: Donné\nexcerpt: Résumé écrit\n---\nTexte\n',
      })
      const destination = path.join(await tempDir('atelier-jekyll-'), 'site')
      execFileSync('jekyll', ['build', '-s', root, '-d', destination, '--disable-disk-cache'], {
        stdio: 'pipe',
      })
      const site = await readSite(root)
      const index = site.documents.find((doc) => doc.relativePath === 'index.md')!
      const ours = await new SiteRenderer(site).renderPage(index)
      const fold = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim()
      expect(fold(ours)).toBe(fold(readFileSync(path.join(destination, 'index.html'), 'utf8')))
      expect(ours).toContain('<strong>premier</strong>')
    },
    60_000,
  )
})
