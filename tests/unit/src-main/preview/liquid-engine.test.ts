import { describe, expect, it } from 'vitest'
import { createLiquid } from '../../../../src-main/preview/liquid-engine.js'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { pageDrop, siteDrop } from '../../../../src-main/preview/site-drops.js'
import { writeSite } from '../../../helpers/site-fixture.js'

/** The page of `/tmp/jl` that Debian's jekyll 4.3 rendered to the lines in `JEKYLL`. */
const TEMPLATE = `[{{ '/themes/x/' | relative_url }}] [{{ 'a b/é.css' | relative_url }}] [{{ '/x' | absolute_url }}] [{{ 'https://y.org/z' | relative_url }}]
[{% link docs/test.html %}] [{% post_url 2024-03-05-note %}]
[{% include carte.html nom="Awa" %}] [{% include_relative morceau.txt %}]
[{{ page.liste | array_to_sentence_string }}] [{{ "un deux  trois" | number_of_words }}] [{{ "Côte d’Ivoire : 2024!" | slugify }}] [{{ "Côte d’Ivoire" | slugify: "pretty" }}]
[{{ "a < b & c" | xml_escape }}] [{{ page.liste | jsonify }}] [{{ page.gens | where_exp: "g", "g.pays == 'Bénin'" | map: "nom" | join: "," }}]
[{% assign groupes = page.gens | group_by: "pays" %}{% for g in groupes %}{{ g.name }}={{ g.size }};{% endfor %}]
[{{ '2024-03-05' | date_to_string }}] [{{ '2024-03-05' | date_to_string: "ordinal", "US" }}]
[{{ page.gens | sort: "nom" | map: "nom" | join: "," }}] [{{ "**gras**" | markdownify }}]
{% raw %}{{ brut }}{% endraw %}{% comment %}caché{% endcomment %}{% seo %}{% feed_meta %}`

const JEKYLL = `[/guide/themes/x/] [/guide/a%20b/%C3%A9.css] [https://exemple.org/guide/x] [https://y.org/z]
[/guide/docs/test.html] [/guide/2024/03/05/note.html]
[<b>Awa</b>] [Relatif Test « é »]
[a, b, and c] [3] [côte-d-ivoire-2024] [côte-d-ivoire]
[a &lt; b &amp; c] [["a","b","c"]] [Aminata,Awa]
[Bénin=2;Togo=1;]
[05 Mar 2024] [Mar 5th, 2024]
[Aminata,Awa,Kofi] [<p><strong>gras</strong></p>]
{{ brut }}`

describe('Liquid as Jekyll runs it', () => {
  it('renders Jekyll’s filters and tags like jekyll 4.3', async () => {
    const root = await writeSite({
      '_config.yml': 'baseurl: /guide\nurl: https://exemple.org\ntitle: Guide\n',
      '_posts/2024-03-05-note.md': '---\ntitle: Note\n---\nx\n',
      '_includes/carte.html': '<b>{{ include.nom }}</b>',
      'docs/morceau.txt': 'Relatif {{ page.title }}',
      'docs/test.html': `---\nlayout: null\ntitle: Test « é »\nliste: [a, b, c]\ngens:\n  - { nom: Aminata, pays: Bénin }\n  - { nom: Kofi, pays: Togo }\n  - { nom: Awa, pays: Bénin }\n---\n${TEMPLATE}`,
    })
    const site = await readSite(root)
    const liquid = createLiquid(site, {
      markdownify: (text) => `<p>${text.replace(/\*\*(.+)\*\*/, '<strong>$1</strong>')}</p>`,
    })
    const doc = site.documents.find((item) => item.relativePath === 'docs/test.html')!
    const html = (await liquid.parseAndRender(doc.body, {
      site: siteDrop(site),
      page: pageDrop(doc, site),
    })) as string
    expect(html.trim()).toBe(JEKYLL)
  })

  it('renders {% highlight %} in Rouge’s wrapper and escapes the code', async () => {
    const root = await writeSite({ 'a.html': '---\n---\n' })
    const site = await readSite(root)
    const liquid = createLiquid(site, { markdownify: (text) => text })
    const html = await liquid.parseAndRender(
      '{% highlight ruby %}\nputs "é" < 2\n{% endhighlight %}',
    )
    expect(html).toBe(
      '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">puts "é" &lt; 2</code></pre></figure>',
    )
  })
})
