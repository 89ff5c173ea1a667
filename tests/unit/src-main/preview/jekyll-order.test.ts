import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { buildSite } from '../../../../src-main/preview/build-site.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import fc from 'fast-check'
import { atelierBuild, jekyllBuild, readBuilt } from '../../../helpers/jekyll-differential.js'
import { describe, expect, it } from 'vitest'
import { buildCommand } from '../../../../src-main/commands/preview.js'
import { writeSite } from '../../../helpers/site-fixture.js'
import { visibleText } from '../../../helpers/visible-text.js'
import { openSession } from '../../../helpers/session.js'

const hasJekyll = spawnSync('jekyll', ['--version']).status === 0

/** Debian's `jekyll build` of the same folder, or null where Jekyll is not installed. */
async function jekyllBuildIfInstalled(root: string): Promise<string | null> {
  return hasJekyll ? jekyllBuild(root) : null
}

const ourBuild = atelierBuild
const read = readBuilt
/** The CSS with whitespace folded, so Dart Sass's and libsass's layouts compare. */
const css = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, '')
    .replace(/;}/g, '}')

describe('Jekyll’s render order', () => {
  it('gives a page the rendered output and content of the collection documents it lists', async () => {
    const root = await writeSite({
      '_config.yml': 'collections:\n  fiches:\n    output: true\n',
      '_layouts/fiche.html': '<article class="fiche">{{ content }}</article>',
      '_fiches/a.md': '---\nlayout: fiche\ntitre: A\n---\n# Fiche {{ page.titre }}\n\n**gras**\n',
      '_fiches/b.md': '---\nlayout: fiche\ntitre: B\n---\nTexte de *B*.\n',
      'index.html':
        '---\n---\n{% for doc in site.fiches %}<section>{{ doc.output }}</section><div class="c">{{ doc.content }}</div>{% endfor %}\n',
    })
    const { destination, report } = await ourBuild(root)
    expect(report.problems).toEqual([])
    const index = read(destination, 'index.html')
    expect(index).toContain('<article class="fiche"><h1 id="fiche-a">Fiche A</h1>')
    expect(index).toContain('<div class="c"><p>Texte de <em>B</em>.</p>')
    const jekyll = await jekyllBuildIfInstalled(root)
    if (jekyll) {
      expect(visibleText(path.join(destination, 'index.html'))).toBe(
        visibleText(path.join(jekyll, 'index.html')),
      )
    }
  }, 60_000)

  it('orders posts sharing a date by path, newest first in site.posts, as Jekyll does', async () => {
    const files: Record<string, string> = {
      '_config.yml': 'title: Blog\n',
      // A layout of its own, so the built-in theme stays out of it.
      '_layouts/default.html': '{{ content }}',
      'index.html': '---\n---\n{% for post in site.posts %}[{{ post.title }}]{% endfor %}\n',
    }
    // Titles that sort differently from the file names, and one day holding several posts.
    const names = ['zeta', 'alpha', 'mu', 'beta', 'omega']
    names.forEach((name, index) => {
      files[`_posts/2024-03-0${index < 3 ? 1 : 2}-${name}.md`] =
        `---\ntitle: T${4 - index}${name}\n---\nTexte.\n`
    })
    const root = await writeSite(files)
    const { destination } = await ourBuild(root)
    const ours = read(destination, 'index.html').trim()
    expect(ours).toBe('[T0omega][T1beta][T4zeta][T2mu][T3alpha]')
    const jekyll = await jekyllBuildIfInstalled(root)
    if (jekyll) expect(ours).toBe(read(jekyll, 'index.html').trim())
  }, 60_000)
})

describe('Sass pages', () => {
  it('finds `@import "styles"` in _sass/, not the page itself', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Site\n',
      '_sass/styles.scss': '$couleur: #123456;\nbody { color: $couleur; }\n',
      'assets/css/styles.scss': '---\n---\n@import "styles";\n',
    })
    const { destination, report } = await ourBuild(root)
    expect(report.problems).toEqual([])
    expect(css(read(destination, 'assets/css/styles.css'))).toBe('body{color:#123456}')
    const jekyll = await jekyllBuildIfInstalled(root)
    if (jekyll) {
      expect(css(read(destination, 'assets/css/styles.css'))).toBe(
        css(read(jekyll, 'assets/css/styles.css')),
      )
    }
  }, 60_000)

  it('renders Liquid in a Sass page before compiling it, with sass_dir as the load path', async () => {
    const root = await writeSite({
      '_config.yml': 'theme_skin: sombre\nsass:\n  sass_dir: _styles\n',
      '_styles/skins/sombre.scss': 'body { background: black; }\n',
      '_styles/skins/clair.scss': 'body { background: white; }\n',
      'assets/main.scss':
        '---\n---\n@import "skins/{{ site.theme_skin | default: \'clair\' }}";\np { margin: {{ 2 | plus: 1 }}px; }\n',
    })
    const { destination, report } = await ourBuild(root)
    expect(report.problems).toEqual([])
    expect(css(read(destination, 'assets/main.css'))).toBe('body{background:black}p{margin:3px}')
    const jekyll = await jekyllBuildIfInstalled(root)
    if (jekyll) {
      expect(css(read(destination, 'assets/main.css'))).toBe(css(read(jekyll, 'assets/main.css')))
    }
  }, 60_000)

  it('reports a broken stylesheet with its file and line in French, and writes the rest (cli build: exit 1)', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Site\n',
      'index.md': '---\n---\nBonjour.\n',
      'assets/bon.scss': '---\n---\nb { c: d; }\n',
      'assets/casse.scss': '---\n---\nb {\n  c: d;\n  e: $inconnue;\n}\n',
      'assets/liquide.scss': '---\n---\nb { c: {% if %} }\n',
    })
    const destination = path.join(await tempDir('atelier-build-'), 'site')
    let printed = ''
    const code = await buildCommand(
      [root, destination],
      (text) => (printed += text),
      (text) => {
        throw new Error(text)
      },
    )
    expect(code).toBe(1)
    expect(read(destination, 'index.html')).toContain('Bonjour.')
    expect(css(read(destination, 'assets/bon.css'))).toBe('b{c:d}')
    // Line 5 of the file: the front matter counts.
    expect(printed).toMatch(/assets\/casse\.scss.*ligne 5/)
    expect(printed).toMatch(/assets\/liquide\.scss.*ligne 3/)
    expect(printed).not.toMatch(/Undefined variable|filter|undefined/i)
  }, 60_000)

  it('cuts off a stylesheet that never ends, in French, and the site is still written', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Site\n',
      'index.md': '---\n---\nBonjour.\n',
      'assets/boucle.scss': '---\n---\n$i: 0;\n@while true { $i: $i + 1; }\n',
    })
    const destination = path.join(await tempDir('atelier-build-'), 'site')
    const report = await buildSite(root, destination, {
      limits: { timeMs: 1500, memoryMb: 256, liquid: false },
    })
    expect(read(destination, 'index.html')).toContain('Bonjour.')
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]!.path).toBe('assets/boucle.scss')
    expect(report.problems[0]!.message).toMatch(/trop longue/)
  }, 60_000)
})

describe('« Problèmes »', () => {
  it('lists a stylesheet that does not compile and a page whose Liquid does not parse, with file and line, in French', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Site\n',
      '_layouts/default.html': '{{ content }}',
      'index.md': '---\n---\nBonjour.\n',
      'casse.md': '---\ntitle: Casse\n---\nUn\n\n{% if %}\n',
      'assets/bon.scss': '---\n---\nb { c: d; }\n',
      'assets/casse.scss': '---\n---\nb {\n  c: d;\n  e: $inconnue;\n}\n',
    })
    const { session, handlers } = await openSession(root)
    try {
      const problems = await handlers['workspace.problems']({})
      expect(problems.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
        { code: 'sass', file: 'assets/casse.scss', line: 5 },
        { code: 'liquid', file: 'casse.md', line: 6 },
      ])
      for (const problem of problems) {
        expect(problem.message).toContain(problem.file)
        expect(problem.message).toMatch(/ligne \d/)
        expect(problem.message).not.toMatch(/Undefined|expected|tag/i)
      }
    } finally {
      await session.close()
    }
  }, 60_000)
})

describe('{% highlight %}', () => {
  it('numbers the lines with `linenos`, in Rouge’s table, as Jekyll does', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Site\n',
      '_layouts/default.html': '{{ content }}',
      'index.html':
        '---\n---\n{% highlight text linenos %}\nun\ndeux\ntrois\n{% endhighlight %}\n{% highlight text %}\nseul\n{% endhighlight %}\n',
    })
    const { destination } = await ourBuild(root)
    const html = read(destination, 'index.html')
    expect(html).toContain(
      '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n3\n</pre></td><td class="code"><pre>un\ndeux\ntrois\n</pre></td></tr></tbody></table>',
    )
    const jekyll = await jekyllBuildIfInstalled(root)
    if (jekyll) expect(html.trim()).toBe(read(jekyll, 'index.html').trim())
  }, 60_000)
})

describe('order of posts and collection documents, generated', () => {
  it('lists site.posts and a collection in Jekyll’s order for many names sharing few dates', async () => {
    // Names mixing capitals, digits, `-` and `_`, whose byte order differs from a locale's.
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,7}$/)
    const entries = fc.sample(fc.record({ day: fc.integer({ min: 1, max: 3 }), name }), {
      numRuns: 40,
      seed: 12,
    })
    const files: Record<string, string> = {
      '_config.yml': 'collections:\n  fiches:\n    output: false\n  notes:\n    output: false\n',
      '_layouts/default.html': '{{ content }}',
      'index.html':
        '---\n---\n{% for post in site.posts %}{{ post.path }}\n{% endfor %}--\n{% for doc in site.fiches %}{{ doc.path }}\n{% endfor %}--\n{% for doc in site.notes %}{{ doc.path }}\n{% endfor %}',
    }
    for (const { day, name } of entries) {
      files[`_posts/2024-03-0${day}-${name}.md`] = `---\ntitle: ${name}\n---\nTexte.\n`
      files[`_fiches/${name}.md`] = `---\ndate: 2024-03-0${day}\n---\n`
      // Documents without a date: Jekyll compares them by path alone.
      files[`_notes/${name}.md`] = '---\n---\n'
    }
    const root = await writeSite(files)
    const { destination } = await ourBuild(root)
    const ours = read(destination, 'index.html')
    expect(ours.split('\n').length).toBeGreaterThan(20)
    const jekyll = await jekyllBuildIfInstalled(root)
    if (jekyll) expect(ours).toBe(read(jekyll, 'index.html'))
  }, 60_000)
})
