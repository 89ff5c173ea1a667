import {
  atelierBuild,
  hasJekyll as jekyllRuns,
  jekyllBuild,
  readBuilt,
} from '../../../helpers/jekyll-differential.js'
import { describe, expect, it } from 'vitest'
import { writeSite } from '../../../helpers/site-fixture.js'
import { filesBelow } from '../../../helpers/visible-text.js'

/**
 * Pages of every extension, as Jekyll reads and writes them: any file whose first line is
 * `---` is a page whatever its extension (`.xhtml`, `.svg`, `.webmanifest`…), the others
 * are copied; a page keeps its converter's extension (`.htm` stays `.htm`, Markdown becomes
 * `.html`), also under a permalink ending with `/` (`flux/index.xml`); and
 * `site.html_pages` keeps a page whose output extension is `.html`, `.htm` or `.xhtml`, or
 * whose address ends with `/` (Jekyll's `SiteDrop#html_pages`). One site holds every
 * extension with every kind of permalink, with and without front matter; Atelier's build
 * and, where it is installed, Debian's `jekyll build` must write the same files and list
 * the same pages.
 */

const LIST = '{% for p in site.html_pages %}[{{ p.path }}]{% endfor %}'
const EXTENSIONS = [
  '.html',
  '.htm',
  '.xhtml',
  '.md',
  '.markdown',
  '.xml',
  '.txt',
  '.json',
  '.svg',
  '.webmanifest',
  '.csv',
]
const PERMALINKS = {
  none: '',
  slash: (name: string) => `permalink: /${name}/\n`,
  file: (name: string) => `permalink: /${name}.txt\n`,
}

function everyKindOfPage(): Record<string, string> {
  const files: Record<string, string> = {
    '_config.yml': 'title: Site\n',
    // A layout of its own, so the built-in theme stays out of it.
    '_layouts/default.html': '{{ content }}',
    'liste.html': `---\n---\n${LIST}\n`,
  }
  EXTENSIONS.forEach((ext, e) => {
    files[`brut-${e}${ext}`] = 'Pas de réglages.\n'
    for (const [kind, permalink] of Object.entries(PERMALINKS)) {
      const name = `page-${e}-${kind}`
      const link = typeof permalink === 'string' ? permalink : permalink(name)
      files[`${name}${ext}`] = `---\ntitle: ${name}\n${link}---\nTexte {{ page.title }}\n`
    }
  })
  return files
}

/** Atelier's build, which must report no problem. */
async function ourBuild(root: string): Promise<string> {
  const { destination, report } = await atelierBuild(root)
  expect(report.problems).toEqual([])
  return destination
}

const read = readBuilt

describe('pages of every extension', () => {
  it('reads any file with front matter as a page and writes it with its own extension', async () => {
    const root = await writeSite(everyKindOfPage())
    const ours = await ourBuild(root)
    const written = filesBelow(ours)
    expect(written).toContain('page-1-none.htm')
    expect(read(ours, 'page-2-none.xhtml')).toBe('Texte page-2-none\n')
    expect(read(ours, 'page-8-none.svg')).toBe('Texte page-8-none\n')
    expect(written).toContain('page-5-slash/index.xml')
    expect(read(ours, 'brut-8.svg')).toBe('Pas de réglages.\n')
    const listed = read(ours, 'liste.html')
    expect(listed).toContain('[page-2-none.xhtml]')
    expect(listed).toContain('[page-5-slash.xml]')
    expect(listed).not.toContain('[page-5-none.xml]')
  }, 60_000)

  it.skipIf(!jekyllRuns())(
    'writes the same files and lists the same pages as jekyll build',
    async () => {
      const root = await writeSite(everyKindOfPage())
      const ours = await ourBuild(root)
      const jekyll = await jekyllBuild(root)
      const written = filesBelow(jekyll)
      expect(filesBelow(ours).filter((file) => !file.startsWith('.atelier'))).toEqual(written)
      for (const file of written) expect(read(ours, file), file).toBe(read(jekyll, file))
    },
    60_000,
  )
})
