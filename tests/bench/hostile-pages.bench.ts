import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { dispatch } from '../../src-main/ipc/dispatch.js'
import { renderMarkdown } from '../../src-main/preview/markdown/render-markdown.js'
import { createHandlers } from '../../src-main/ipc/handlers.js'
import { Session } from '../../src-main/session.js'
import { SettingsStore } from '../../src-main/settings/settings-store.js'
import { fakePlatform } from '../helpers/host-platform.js'
import { adversarialPages } from '../helpers/adversarial-pages.js'
import { median, row } from './measure.js'

/**
 * Untrusted content runs bounded: the adversarial pages at n = 1,000 …
 * 64,000, beside markdown-it on the same text (time per n should stay flat:
 * linear growth), and a save while another page's endless loop is cut off,
 * beside the same save with nothing else running.
 */
export async function benchHostilePages(runs: number): Promise<void> {
  console.log(
    '\nAdversarial pages: render time and time per 1,000 repetitions (markdown-it beside):',
  )
  const markdownIt = new MarkdownIt({ html: true })
  const sizes = [1000, 4000, 16_000, 64_000]
  for (const [name, make] of Object.entries(adversarialPages)) {
    const perN: string[] = []
    let lastMs = 0
    for (const n of sizes) {
      // A page whose time grows faster than it (kramdown's own `**a ` runs) is not grown
      // further once a render passes two seconds: the bounded renderer cuts it off anyway.
      if (lastMs > 2000) {
        perN.push('—')
        continue
      }
      const page = make(n)
      const count = n >= 16_000 ? 1 : Math.min(runs, 3)
      const ours = await median(count, async () => renderMarkdown(page))
      const reference = await median(count, async () => markdownIt.render(page))
      console.log(row(`${name} n=${n}`, ours, reference, 'markdown-it'))
      lastMs = ours
      perN.push(((ours / n) * 1000).toFixed(1))
    }
    console.log(`${''.padEnd(4)}ms per 1,000 at n = ${sizes.join(' / ')}: ${perN.join(' / ')}`)
  }

  console.log('\nA save while another page’s endless loop is cut off, medians:')
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-hostile-'))
  const root = path.join(work, 'site')
  await mkdir(root)
  await writeFile(path.join(root, '_config.yml'), 'title: Banc\n')
  await writeFile(
    path.join(root, 'boucle.md'),
    '---\ntitle: Boucle\n---\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}\n',
  )
  await writeFile(path.join(root, 'page.md'), '---\ntitle: Page\n---\nTexte.\n')
  const session = new Session(await SettingsStore.load(path.join(work, 'data')), false)
  await session.open(root)
  const handlers = createHandlers(session, fakePlatform)
  session.preview = { origin: 'http://127.0.0.1:9', frameAncestors: "'self'" }
  const preview = session.requireFolder().preview("'self'")
  let version = 0
  const save = () =>
    dispatch(handlers, 'pages.save', {
      path: 'page.md',
      text: `---\ntitle: Page\n---\nTexte ${++version}.\n`,
    })
  await preview.serve('/page.html') // the workers started, the site read
  const alone = await median(runs, save)
  let cutOff = 0
  const trials = Math.min(runs, 3)
  const times: number[] = []
  for (let trial = 0; trial < trials; trial++) {
    const hostile = preview.serve('/boucle.html')
    const started = process.hrtime.bigint()
    await save()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
    // Only the save is timed; the cut-off is awaited so trials do not overlap.
    if (String((await hostile).body).includes('trop longue')) cutOff++
  }
  times.sort((a, b) => a - b)
  console.log(
    row('save while a loop is cut off', times[Math.floor(trials / 2)]!, alone, 'save alone'),
  )
  console.log(`    loops cut off with « trop longue à afficher »: ${cutOff} of ${trials}`)
  await session.close()
  await rm(work, { recursive: true, force: true })
}
