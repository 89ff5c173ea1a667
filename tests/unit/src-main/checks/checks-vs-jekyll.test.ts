import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SiteProblem } from '../../../../src-shared/api/types.js'
import { checkSite, readCheckContext } from '../../../../src-main/checks/check-site.js'
import { hasJekyll } from '../../../helpers/jekyll-differential.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'

/**
 * Each kind of problem on a small site, judged by Debian's `jekyll build` of the same site:
 * it fails ⇔ we report at least one error; when it builds, the broken link is in the page it
 * publishes (so the warning is about something real).
 */
const ATELIER = `links: link-tag
types:
  cas:
    label: Cas
    collection: cas_pratiques
    body: |
      ## Contexte

      ## Étapes
    fields:
      - { name: title, label: Titre, type: text }
      - { name: theme, label: Thème, type: select, options: [acces, budget] }
`

function guide(extra: Record<string, string>): Record<string, string> {
  return {
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    '_atelier.yml': ATELIER,
    '_layouts/default.html': '<main>{{ content }}</main>',
    '_includes/pied.html': '<footer>Pied</footer>',
    '_themes/acces.md': page('title: Accès\nlayout: default', '## Pourquoi ?\n\nTexte.\n'),
    '_themes/budget.md': page('title: Budget\nlayout: default'),
    '_cas_pratiques/benin.md': page(
      'title: Bénin\nlayout: default\ntheme: acces',
      '## Contexte\n\nTexte.\n\n## Étapes\n\nTexte.\n',
    ),
    '_posts/2024-05-14-plan.md': page('title: Plan\nlayout: default'),
    'assets/carte.png': 'png',
    'index.md': page('title: Accueil\nlayout: default'),
    ...extra,
  }
}

interface Expected {
  path: string
  line: number
  kind: SiteProblem['kind']
  text: string
}

interface Case {
  name: string
  files: Record<string, string>
  /** The problem we must report (none for the clean site). */
  expected: Expected | Expected[] | null
  /** When Jekyll builds: a file it publishes and the broken text it holds. */
  published?: { file: string; contains: string }
}

const cases: Case[] = [
  {
    name: 'a clean site with every kind of link resolved',
    files: guide({
      'a.md': page(
        'title: A\nlayout: default',
        [
          '[Accès]({% link _themes/acces.md %}#pourquoi) [plan]({% post_url 2024-05-14-plan %})',
          '{% include pied.html %} ![carte](/assets/carte.png) [budget](/themes/budget.html)',
          '[css]({{ "/assets/carte.png" | relative_url }}) [ici](#section) <a href="/index.html">x</a>',
          '',
          '## Section',
        ].join('\n'),
      ),
    }),
    expected: null,
  },
  {
    name: '{% link %} to a missing page',
    files: guide({ 'a.md': page('title: A', 'Voir {% link _themes/absent.md %}.\n') }),
    expected: { path: 'a.md', line: 5, kind: 'link-tag', text: '_themes/absent.md' },
  },
  {
    name: '{% post_url %} to a missing post',
    files: guide({ 'a.md': page('title: A', '{% post_url 2024-05-15-plan %}\n') }),
    expected: { path: 'a.md', line: 5, kind: 'post-url', text: '2024-05-15-plan' },
  },
  {
    name: '{% include %} of a missing file',
    files: guide({ 'a.md': page('title: A', 'Texte.\n\n{% include tete.html %}\n') }),
    expected: { path: 'a.md', line: 7, kind: 'include', text: 'tete.html' },
  },
  {
    name: '{% include_relative %} of a missing file',
    files: guide({ 'a.md': page('title: A', '{% include_relative notes.md %}\n') }),
    expected: { path: 'a.md', line: 5, kind: 'include', text: 'notes.md' },
  },
  {
    name: '{% include %} of a missing file in a layout pages use',
    files: guide({
      '_layouts/default.html': '<main>{{ content }}</main>\n{% include tete.html %}\n',
    }),
    expected: { path: '_layouts/default.html', line: 2, kind: 'include', text: 'tete.html' },
  },
  {
    name: 'a layout no page uses is not rendered',
    files: guide({ '_layouts/vide.html': '{% include tete.html %}\n' }),
    expected: null,
  },
  {
    name: 'a Liquid tag never closed',
    files: guide({ 'a.md': page('title: A', 'Un.\n\n{% if page.title %}\nDeux.\n') }),
    expected: { path: 'a.md', line: 7, kind: 'liquid', text: '{% if page.title %}' },
  },
  {
    name: 'an unknown Liquid tag',
    files: guide({ 'a.md': page('title: A', '{% inconnue %}\n') }),
    expected: { path: 'a.md', line: 5, kind: 'liquid', text: '{% inconnue %}' },
  },
  {
    name: 'a Markdown link to no page',
    files: guide({ 'a.md': page('title: A\nlayout: default', '[x](/themes/absente.html)\n') }),
    expected: { path: 'a.md', line: 6, kind: 'page-link', text: 'x' },
    published: { file: 'a.html', contains: 'href="/themes/absente.html"' },
  },
  {
    name: 'a relative_url path to no page',
    files: guide({
      'a.md': page(
        'title: A\nlayout: default',
        '<a href="{{ \'/nulle-part/\' | relative_url }}">x</a>\n',
      ),
    }),
    expected: { path: 'a.md', line: 6, kind: 'page-link', text: '/nulle-part/' },
    published: { file: 'a.html', contains: 'href="/nulle-part/"' },
  },
  {
    name: 'a missing image',
    files: guide({ 'a.md': page('title: A\nlayout: default', '![carte](/assets/absente.png)\n') }),
    expected: { path: 'a.md', line: 6, kind: 'missing-file', text: '/assets/absente.png' },
    published: { file: 'a.html', contains: 'src="/assets/absente.png"' },
  },
  {
    name: 'an anchor to no heading',
    files: guide({
      'a.md': page('title: A\nlayout: default', '[x](/themes/acces.html#comment)\n'),
    }),
    expected: { path: 'a.md', line: 6, kind: 'anchor', text: '#comment' },
    published: { file: 'a.html', contains: 'href="/themes/acces.html#comment"' },
  },
  {
    name: 'settings Jekyll cannot read',
    files: guide({ 'a.md': '---\ntitle: [A\nlayout: default\n---\n\nTexte.\n' }),
    expected: { path: 'a.md', line: 3, kind: 'front-matter', text: '' },
    published: { file: 'a.html', contains: 'Texte.' },
  },
  {
    name: 'two pages at the same address',
    files: guide({ 'a.md': page('title: A\npermalink: /index.html') }),
    // Reported on both pages, each naming the other.
    expected: [
      { path: 'a.md', line: 1, kind: 'same-address', text: '' },
      { path: 'index.md', line: 1, kind: 'same-address', text: '' },
    ],
    published: { file: 'index.html', contains: 'Texte.' },
  },
  {
    name: 'a theme: naming no theme',
    files: guide({
      '_cas_pratiques/benin.md': page(
        'title: Bénin\nlayout: default\ntheme: acess',
        '## Contexte\n\nTexte.\n\n## Étapes\n\nTexte.\n',
      ),
    }),
    expected: { path: '_cas_pratiques/benin.md', line: 4, kind: 'field', text: 'acess' },
    published: { file: 'cas_pratiques/benin.html', contains: 'Texte.' },
  },
  {
    name: 'a template section left empty',
    files: guide({
      '_cas_pratiques/benin.md': page(
        'title: Bénin\nlayout: default\ntheme: acces',
        '## Contexte\n\n## Étapes\n\nTexte.\n',
      ),
    }),
    expected: { path: '_cas_pratiques/benin.md', line: 7, kind: 'empty-section', text: 'Contexte' },
    published: { file: 'cas_pratiques/benin.html', contains: 'Contexte' },
  },
]

describe('checks against jekyll build', () => {
  for (const item of cases) {
    it.skipIf(!hasJekyll())(item.name, async () => {
      const root = await writeSite(item.files)
      const problems = await checkSite(await readCheckContext(root))
      if (item.expected === null) expect(problems).toEqual([])
      else
        expect(
          problems.map(({ path: file, line, kind, text }) => ({ path: file, line, kind, text })),
        ).toEqual([item.expected].flat())
      const destination = path.join(await tempDir('atelier-jekyll-'), 'site')
      const build = spawnSync(
        'jekyll',
        ['build', '--source', root, '--destination', destination, '--disable-disk-cache'],
        { env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' }, encoding: 'utf8' },
      )
      const failed = build.status !== 0
      expect(failed).toBe(problems.some((problem) => problem.severity === 'error'))
      if (item.published) {
        expect(readFileSync(path.join(destination, item.published.file), 'utf8')).toContain(
          item.published.contains,
        )
      }
    })
  }
})
