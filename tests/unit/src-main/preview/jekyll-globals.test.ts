import { describe, expect, it } from 'vitest'
import { jekyllDrop } from '../../../../src-main/preview/jekyll-drop.js'
import { expectBuildLikeJekyll, hasJekyll } from '../../../helpers/jekyll-differential.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/**
 * Every top-level variable Jekyll gives Liquid — `site`, `page`, `layout`,
 * `content`, `paginator` (nil without jekyll-paginate) and `jekyll` — read
 * from a page, a layout and an include, and printed as text, so the judge
 * compares what a reader sees. Jekyll's own documentation prints
 * `{{ jekyll.version }}` in its pages' head; footers often print it too.
 */
const PROBE = [
  'version=[{{ jekyll.version }}]',
  'environment=[{{ jekyll.environment }}]',
  'is-production=[{% if jekyll.environment == "production" %}oui{% else %}non{% endif %}]',
  'paginator=[{{ paginator | jsonify }}]',
  'site=[{{ site.title }}] page=[{{ page.title }}]',
].join('\n\n')

describe('Jekyll’s global Liquid variables', () => {
  it.skipIf(!hasJekyll())(
    'are the same in a page, a layout and an include as in jekyll build',
    async () => {
      const site = await writeSite({
        '_config.yml': 'title: Guide\n',
        '_includes/probe.html': `<p>include: ${PROBE}</p>\n`,
        '_layouts/base.html': `---\nlayout_note: cadre\n---\n<main>{{ content }}</main>\n<footer>layout=[{{ layout.layout_note }}] ${PROBE}\n{% include probe.html %}</footer>\n`,
        'index.md': `---\nlayout: base\ntitle: Accueil\n---\n${PROBE}\n`,
      })
      await expectBuildLikeJekyll(site, { minPages: 1 })
    },
    60_000,
  )

  it('reads the environment as Jekyll does: JEKYLL_ENV when set (even empty), else development', () => {
    expect(jekyllDrop({}).environment).toBe('development')
    expect(jekyllDrop({ JEKYLL_ENV: '' }).environment).toBe('')
    expect(jekyllDrop({ JEKYLL_ENV: 'production' }).environment).toBe('production')
  })
})
