import { describe, it } from 'vitest'
import { expectBuildLikeJekyll, hasJekyll } from '../../../helpers/jekyll-differential.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/**
 * Dates printed as they are, not through the `date` filter: `Publié le
 * {{ page.date }}`, `{{ page.mis_a_jour }}` in a playbook's footer. Jekyll
 * prints Ruby's `to_s`: a YAML date alone is a `Date` (`2024-03-05`), a
 * document's date and a YAML time are `Time`s (`2024-03-05 10:30:00 +0000`);
 * `jsonify` quotes the same text. Jekyll prints times in the zone it runs
 * in and the preview in UTC, so the comparison needs a UTC machine (CI's).
 */
const PROBE = `date=[{{ page.date }}] maj=[{{ page.mis_a_jour }}] heure=[{{ page.heure }}]

json=[{{ page.mis_a_jour | jsonify }}] [{{ page.date | jsonify }}] [{{ page.dates | jsonify }}]

liste=[{{ page.dates | join: ", " }}] ajout=[{{ page.mis_a_jour | append: "!" }}]

formate=[{{ page.mis_a_jour | date: "%d/%m/%Y" }}]
`

const FRONT = `mis_a_jour: 2024-03-05
heure: 2024-03-05 10:30:00
dates: [2023-01-02, 2023-12-31]`

describe('dates printed as Jekyll prints them', () => {
  it.skipIf(!hasJekyll() || new Date().getTimezoneOffset() !== 0)(
    'in pages, posts and collection documents, and in the lists of them',
    async () => {
      const site = await writeSite({
        '_config.yml': 'title: Guide\ncollections:\n  cas:\n    output: true\n',
        '_layouts/base.html': '<main>{{ content }}</main>\n',
        'page.md': `---\nlayout: base\ndate: 2024-02-01\n${FRONT}\n---\n${PROBE}`,
        '_posts/2024-03-01-note.md': `---\nlayout: base\n${FRONT}\n---\n${PROBE}`,
        '_posts/2024-03-02-autre.md': `---\nlayout: base\ndate: 2024-03-02 08:15:00\n---\n${PROBE}`,
        '_cas/benin.md': `---\nlayout: base\ndate: 2022-06-30\n${FRONT}\n---\n${PROBE}`,
        'index.md': `---\nlayout: base\n---\n{% for post in site.posts %}[{{ post.date }}] {% endfor %}\n\n{% for cas in site.cas %}[{{ cas.date }} {{ cas.mis_a_jour }}]{% endfor %}\n`,
      })
      await expectBuildLikeJekyll(site, { minPages: 5 })
    },
    60_000,
  )
})
