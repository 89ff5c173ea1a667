import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSite } from '../../src-main/preview/read-site.js'
import { SiteRenderer } from '../../src-main/preview/render-document.js'
import { tempDir } from '../helpers/temp-dir.js'

const shared = path.resolve(import.meta.dirname, '../../../shared')
const hasJekyll = spawnSync('jekyll', ['--version']).status === 0

const sources = ['corpus/handwritten', 'seeds'].flatMap((folder) =>
  readdirSync(path.join(shared, folder))
    .filter((name) => !/LICENSE|COPYING/.test(name))
    .map((name) => path.join(shared, folder, name)),
)

/** Whitespace normalised, nothing else: runs of whitespace become one space. */
const fold = (html: string) => html.replace(/\s+/g, ' ').trim()

/**
 * `render` (Liquid then Markdown, no layout) against Debian's `jekyll build`
 * of the same pages in a throwaway site where every page has `layout: null`.
 */
describe.skipIf(!hasJekyll)('render agrees with jekyll build', () => {
  it('gives the same body HTML for the handwritten corpus and the seeds', async () => {
    const pages = sources.map((file, index) => {
      let text = readFileSync(file, 'utf8')
      // Jekyll renders only files with front matter; the layout must stay null.
      if (!/^\uFEFF?---\r?\n/.test(text)) text = `---\n---\n${text}`
      text = text.replace(/^(\uFEFF?---\r?\n)/, '$1layout: null\n')
      return {
        source: path.relative(shared, file),
        name: `page-${String(index).padStart(2, '0')}.md`,
        text,
      }
    })
    // Includes the pages name get a stand-in, the same for both renderers.
    const includes = new Set(
      pages.flatMap(({ text }) =>
        [...text.matchAll(/\{%-?\s*include\s+([\w./-]+)/g)].map((m) => m[1]!),
      ),
    )
    const makeSite = async (selected: typeof pages) => {
      const root = await tempDir('atelier-render-')
      writeFileSync(path.join(root, '_config.yml'), 'title: Corpus\n')
      mkdirSync(path.join(root, '_includes'))
      for (const name of includes) {
        mkdirSync(path.dirname(path.join(root, '_includes', name)), { recursive: true })
        writeFileSync(
          path.join(root, '_includes', name),
          `<span class="inclus">${name} {{ include.titre }}</span>`,
        )
      }
      for (const page of selected) writeFileSync(path.join(root, page.name), page.text)
      const destination = path.join(root, '_site')
      const jekyll = spawnSync(
        'jekyll',
        ['build', '--source', root, '--destination', destination, '--disable-disk-cache'],
        {
          encoding: 'utf8',
        },
      )
      return { root, destination, ok: jekyll.status === 0 }
    }

    const same: string[] = []
    const different: string[] = []
    const refused: string[] = []
    // One site per page: a page Jekyll refuses (a link to a missing page) must not hide the others.
    for (const page of pages) {
      const { root, destination, ok } = await makeSite([page])
      if (!ok) {
        refused.push(page.source)
        continue
      }
      const site = await readSite(root)
      const doc = site.documents.find((item) => item.relativePath === page.name)
      if (!doc) {
        // Not a page for us (a BOM before the front matter): Jekyll must have copied it as is.
        if (existsSync(path.join(destination, page.name))) same.push(page.source)
        else different.push(`${page.source}: copied as a file by us, not by jekyll`)
        continue
      }
      const ours = fold(await new SiteRenderer(site).renderBody(doc))
      // Found where our permalinks say the page goes: a wrong address shows up as a miss too.
      const expected = path.join(destination, doc.output ?? '')
      if (!doc.output || !existsSync(expected)) {
        different.push(`${page.source}: jekyll wrote no file at ${doc.output}`)
        continue
      }
      const theirs = fold(readFileSync(expected, 'utf8'))
      if (ours === theirs) {
        same.push(page.source)
        continue
      }
      let at = 0
      while (at < ours.length && ours[at] === theirs[at]) at++
      different.push(
        `${page.source}\n    jekyll: …${theirs.slice(Math.max(0, at - 40), at + 100)}\n    ours:   …${ours.slice(Math.max(0, at - 40), at + 100)}`,
      )
    }
    console.log(
      `render vs jekyll build: ${same.length}/${pages.length - refused.length} identical` +
        ` (${refused.length} refused by jekyll: ${refused.join(', ')})\n${different.join('\n')}`,
    )
    // A floor, raised as the renderer improves: no page that matched may stop matching unnoticed.
    expect(same.length).toBeGreaterThanOrEqual(MINIMUM_IDENTICAL)
  }, 300_000)
})

const MINIMUM_IDENTICAL = 20
