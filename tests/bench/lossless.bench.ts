import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import MarkdownIt from 'markdown-it'
import { openPage, savePage } from '../../src-shared/markdown/page-document.js'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { adversarialPages } from '../helpers/adversarial-pages.js'
import { median, row } from './measure.js'

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return markdownFiles(file)
    return name.endsWith('.md') ? [file] : []
  })
}

/** Real pages of ours (the starter playbook), plus kramdown constructs, repeated to the size wanted. */
function pagesOf(totalBytes: number, pageBytes: number): string[] {
  const sources = markdownFiles(bundledStarterPlaybook).map((file) => readFileSync(file, 'utf8'))
  const extras =
    '\n\n{% include figure.html image="/uploads/carte.png" %}\n\n<div class="encadre">\n  Un bloc HTML.\n</div>\n\n' +
    '| Pays | Loi |\n|---|---|\n| Bénin | 2015 |\n\n```ruby\nputs "ok"\n```\n\n> Une citation avec un [lien][ref].\n\n[ref]: https://example.org\n'
  const pages: string[] = []
  let total = 0
  let index = 0
  while (total < totalBytes) {
    let page = sources[index++ % sources.length]!
    while (Buffer.byteLength(page) < pageBytes)
      page += extras + sources[index++ % sources.length]!.replace(/^---[\s\S]*?---\n/, '')
    pages.push(page)
    total += Buffer.byteLength(page)
  }
  return pages
}

/**
 * The conversion as the app ships it: bundled by esbuild without `keepNames`,
 * as electron-vite builds it. tsx turns `keepNames` on, so under tsx every
 * named closure made at run time (the inline parser makes a few per span of
 * text) also has its `name` defined, a cost the built app does not have;
 * markdown-it is loaded as published either way.
 */
async function shippedConversion(): Promise<{
  openPage: typeof openPage
  savePage: typeof savePage
}> {
  const root = path.resolve(import.meta.dirname, '../..')
  // Inside the tree (`.tmp/` is ignored by git) so that its packages resolve.
  const outfile = path.join(root, '.tmp/bench/page-document.mjs')
  await build({
    entryPoints: [path.join(root, 'src-shared/markdown/page-document.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })
  return (await import(pathToFileURL(outfile).href)) as {
    openPage: typeof openPage
    savePage: typeof savePage
  }
}

export async function benchLossless(runs: number): Promise<void> {
  const markdownIt = new MarkdownIt()
  const pages = pagesOf(4 * 1024 * 1024, 10 * 1024)
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0)
  const mb = bytes / (1024 * 1024)

  const ours = await median(runs, async () => {
    for (const page of pages) savePage(openPage(page))
  })
  const shipped = await shippedConversion()
  const built = await median(runs, async () => {
    for (const page of pages) shipped.savePage(shipped.openPage(page))
  })
  const reference = await median(runs, async () => {
    for (const page of pages) markdownIt.parse(page, {})
  })
  console.log(`\nLossless conversion, ${pages.length} pages, ${mb.toFixed(1)} MB (medians):`)
  console.log(row('parse + serialize (under tsx)', ours, reference, 'markdown-it parse'))
  console.log(row('parse + serialize (built, as shipped)', built, reference, 'markdown-it parse'))
  console.log(
    `  throughput: ours ${(mb / (ours / 1000)).toFixed(1)} MB/s under tsx, ${(mb / (built / 1000)).toFixed(1)} MB/s built, markdown-it ${(mb / (reference / 1000)).toFixed(1)} MB/s`,
  )

  for (const size of [100 * 1024, 1024 * 1024]) {
    const [page] = pagesOf(size, size)
    const open = await median(runs, async () => openPage(page!))
    const parse = await median(runs, async () => markdownIt.parse(page!, {}))
    console.log(row(`open a ${size / 1024} KB page`, open, parse, 'markdown-it parse'))
  }
  await benchHostilePages(Math.min(runs, 3))
}

/** Hostile pages (see `adversarial-pages.ts`) at growing n: linear parsing keeps the time per n flat. */
export async function benchHostilePages(runs: number): Promise<void> {
  const sizes = [1_000, 4_000, 16_000, 64_000]
  console.log(`\nEditor conversion of hostile pages, open + save, µs per n (medians):`)
  console.log(`  ${'page'.padEnd(26)}${sizes.map((n) => `n=${n}`.padStart(11)).join('')}`)
  for (const name of [
    'brackets [',
    'images ![',
    'nested brackets [[…]]',
    'emphasis *a',
    'emphasis _a',
    'strong **a',
    'footnotes [^',
    'heading spaces',
    'quotes > >',
    'lists - -',
    'mixed metacharacters',
    'unclosed HTML blocks',
    'lists after paragraph lines',
    'definitions after a blank line',
  ]) {
    const cells: string[] = []
    for (const n of sizes) {
      const text = adversarialPages[name]!(n)
      const ms = await median(runs, async () => savePage(openPage(text)))
      cells.push(((ms * 1000) / n).toFixed(2).padStart(11))
    }
    console.log(`  ${name.padEnd(26)}${cells.join('')}`)
  }
}
