import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { PageIndex } from '../../../../src-main/workspace/page-index.js'
import { hasJekyll } from '../../../helpers/jekyll-differential.js'
import { page, writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * The explorer (page index) and the preview (and `cli build`) read the same `_config.yml`:
 * over shapes of it, they must list the same pages — and the pages `jekyll build` reads.
 */
const FILES: Record<string, string> = {
  'index.md': page('title: Accueil'),
  'a.md': page('title: A'),
  'notes.md': 'Pas de réglages : un simple fichier.\n',
  'fiche.draft.md': page('title: Brouillon'),
  'drafts/x.md': page('title: X'),
  'drafts/sous/y.md': page('title: Y'),
  'docs/guide.md': page('title: Guide'),
  'docs-publiques/a.md': page('title: Publique'),
  '.well-known/info.md': page('title: Info'),
  '_themes/t.md': page('title: T'),
  '_themes/_cache.md': page('title: Cache'),
  'coll/_themes/u.md': page('title: U'),
  'coll/_posts/2024-01-03-r.md': page('title: R'),
  '_posts/2024-01-01-p.md': page('title: P'),
  'blog/_posts/2024-01-02-q.md': page('title: Q'),
  '_drafts/2024-01-04-d.md': page('title: D'),
  '_layouts/default.html': page('title: Gabarit', '{{ content }}'),
  '_includes/bloc.html': '<p>bloc</p>\n',
  'vendor/outil.md': page('title: Outil'),
  'vendor/bundle/gem/README.md': page('title: Gemme'),
}

const SHAPES: Record<string, string | null> = {
  'no _config.yml': null,
  'a broken file': 'title: [oups\n',
  'not a mapping': '- a\n- b\n',
  'exclude a glob *.draft.md and a folder': 'exclude: ["*.draft.md", docs]\n',
  'exclude drafts/**': 'exclude: ["drafts/**"]\n',
  'exclude with a leading slash, ? and a class': 'exclude: ["/docs/", "[ef]iche.dr?ft.md"]\n',
  'exclude *.md (at any depth), include one name': 'exclude: ["*.md"]\ninclude: [index.md]\n',
  'include .well-known': 'include: [.well-known]\n',
  'collections as a list': 'collections: [themes]\n',
  'collections as a map, output as YAML 1.1 yes': 'collections:\n  themes:\n    output: yes\n',
  collections_dir: 'collections_dir: coll\ncollections:\n  themes:\n    output: on\n',
}

/** Pages as the explorer lists them (Markdown and HTML pages with front matter). */
async function explorerPages(root: string): Promise<string[]> {
  const { pages } = await new PageIndex(root).scan()
  return pages.map((entry) => entry.path).sort()
}

/** The same kinds of files, as the preview reads the site. */
async function previewPages(root: string): Promise<string[]> {
  const site = await readSite(root, { builtinTheme: await tempDir('atelier-no-theme-') })
  return site.documents
    .map((doc) => doc.relativePath)
    .filter((file) => /\.(md|html)$/.test(file) && !file.startsWith('_layouts/'))
    .sort()
}

/** What Jekyll itself reads as pages and documents, dumped by a hook after reading. */
async function jekyllPages(root: string): Promise<string[]> {
  const plugins = await tempDir('atelier-hook-')
  const list = path.join(plugins, 'pages.txt')
  await mkdir(plugins, { recursive: true })
  await writeFile(
    path.join(plugins, 'list.rb'),
    `Jekyll::Hooks.register :site, :post_read do |site|
  # A document's relative_path is relative to collections_dir: its path says where it is.
  documents = site.documents.map { |doc| doc.path.delete_prefix(site.source + "/") }
  File.write(${JSON.stringify(list)}, (site.pages.map(&:relative_path) + documents).join("\\n"))
end
`,
  )
  const destination = await tempDir('atelier-jekyll-site-')
  await promisify(execFile)(
    'jekyll',
    ['build', '--quiet', '--source', root, '--destination', destination, '--plugins', plugins],
    { env: { ...process.env, JEKYLL_ENV: 'production' } },
  )
  return (await readFile(list, 'utf8'))
    .split('\n')
    .filter((file) => /\.(md|html)$/.test(file) && !file.startsWith('_layouts/'))
    .sort()
}

describe('what is a page: one reading of _config.yml', () => {
  for (const [shape, config] of Object.entries(SHAPES)) {
    it(`the explorer and the preview agree: ${shape}`, async () => {
      const root = await writeSite(config === null ? FILES : { ...FILES, '_config.yml': config })
      expect(await explorerPages(root)).toEqual(await previewPages(root))
    })
  }

  // Jekyll stops on a broken `_config.yml`; the others are its judgement.
  const judged = Object.entries(SHAPES).filter(
    ([shape]) => shape !== 'a broken file' && shape !== 'not a mapping',
  )
  for (const [shape, config] of judged) {
    it.skipIf(!hasJekyll())(`the explorer lists what jekyll build reads: ${shape}`, async () => {
      const root = await writeSite(config === null ? FILES : { ...FILES, '_config.yml': config })
      expect(await explorerPages(root)).toEqual(await jekyllPages(root))
    })
  }
})
