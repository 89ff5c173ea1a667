import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import { searchPages } from '../../src-main/search/query.js'
import { SearchIndex } from '../../src-main/search/search-index.js'
import { SEARCH_RESULT_LIMIT } from '../../src-shared/api/search-types.js'
import { Workspace } from '../../src-main/workspace/workspace.js'
import { median, row } from './measure.js'
import { generateSite } from './page-index.bench.js'

const run = promisify(execFile)

/** `grep -ril <word>` over the same files: reads them all, as a cold index does. */
async function grep(root: string, word: string): Promise<number> {
  // grep exits 1 when nothing matches; the time is what is measured.
  const { stdout } = await run('grep', ['-ril', word, root], { maxBuffer: 64 << 20 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  )
  return stdout.split('\n').length
}

/** Milliseconds of each of `runs` runs (after one warm-up), sorted. */
async function times(runs: number, task: () => unknown): Promise<number[]> {
  await task()
  const all: number[] = []
  for (let at = 0; at < runs; at++) {
    const started = process.hrtime.bigint()
    await task()
    all.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return all.sort((a, b) => a - b)
}

const at = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!

export async function benchSearch(runs: number): Promise<void> {
  console.log('Search on 5,000 generated pages vs `grep -ril` of the same word, same run:')
  const root = await generateSite(5000)
  try {
    // A workspace as the app opens one: its page listing is kept between queries.
    const build = await median(runs, async () =>
      new SearchIndex(await Workspace.open(root)).pages(),
    )
    const grepBuild = await median(runs, () => grep(root, 'paragraphe'))
    console.log(row('index build (page index and every page read)', build, grepBuild, 'grep -ril'))

    const workspace = await Workspace.open(root)
    await workspace.pages()
    // In the app the explorer has listed the pages already: the first search reads the texts.
    const texts = await median(runs, () => new SearchIndex(workspace).pages())
    console.log(row('index build, pages already listed', texts, grepBuild, 'grep -ril'))
    const index = new SearchIndex(workspace)
    workspace.onChange((changes) => index.noteChanged(changes))
    await index.pages()
    // The editor's save of a page's text: only that page is read again.
    const saved = '_themes/page-4.md'
    let version = 0
    const save = await median(runs, async () => {
      const page = await workspace.readPage(saved)
      await workspace.savePage(saved, `${page.text}Ajout ${version++}.\n`, page.hash)
      await index.pages()
    })
    console.log(row('index after one page saved (one read)', save, grepBuild, 'grep -ril'))
    // Another program's write, as the watcher reports it: the page listing is scanned again.
    const outside = await median(runs, async () => {
      workspace.noteExternalChange([saved])
      await index.pages()
    })
    console.log(row('index after a change by another program', outside, grepBuild, 'grep -ril'))

    const queries = [
      { label: 'rare word « 4999 »', query: '4999', grep: '4999' },
      { label: 'accents folded « etapes » (every page)', query: 'etapes', grep: 'étapes' },
      {
        label: 'common word « paragraphe » (100,000 matches)',
        query: 'paragraphe',
        grep: 'paragraphe',
      },
    ]
    for (const query of queries) {
      const pages = await index.pages()
      const options = { query: query.query, wholeWord: false, collection: null }
      const sorted = await times(Math.max(runs, 30), async () =>
        searchPages(await index.pages(), options, SEARCH_RESULT_LIMIT),
      )
      const reference = await median(runs, () => grep(root, query.grep))
      const found = searchPages(pages, options, SEARCH_RESULT_LIMIT)
      console.log(row(`query ${query.label}, median`, at(sorted, 0.5), reference, 'grep -ril'))
      console.log(row(`query ${query.label}, p95`, at(sorted, 0.95), reference, 'grep -ril'))
      console.log(`  ${found.total} matches in the site, ${found.pages.length} pages sent`)
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
