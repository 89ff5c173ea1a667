import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { checkOnePage } from '../../src-main/checks/check-page.js'
import { checkSite, readCheckContext } from '../../src-main/checks/check-site.js'
import { CheckService } from '../../src-main/checks/check-service.js'
import { median, row } from './measure.js'

const run = promisify(execFile)
const PARAGRAPH =
  'Un paragraphe de texte en français, assez long pour ressembler à une vraie page. '

/**
 * A generated guide of `pages` pages over three collections, each with links of every kind
 * (`{% link %}`, Markdown with an anchor, an include, an image, `relative_url`) to its
 * neighbours, and one page in a hundred with a broken link, so the check has work to report.
 */
export async function generateGuide(pages: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `atelier-bench-checks-${pages}-`))
  await writeFile(
    path.join(root, '_config.yml'),
    'collections:\n  themes:\n    output: true\n    permalink: /themes/:name/\n  cas_pratiques:\n    output: true\n',
  )
  const folders = ['_themes', '_cas_pratiques', 'pages']
  for (const folder of [...folders, '_includes', '_layouts', 'assets'])
    await mkdir(path.join(root, folder))
  await writeFile(path.join(root, '_includes/note.html'), '<aside>Note</aside>\n')
  await writeFile(path.join(root, '_layouts/default.html'), '{{ content }}\n')
  await writeFile(path.join(root, 'assets/carte.png'), 'png')
  const file = (i: number) => `${folders[i % folders.length]}/page-${i}.md`
  await Promise.all(
    Array.from({ length: pages }, (_, i) => {
      const next = (i + 3) % pages
      const theme = `_themes/page-${i - (i % 3)}.md`
      const broken = i % 100 === 7 ? `\nVoir [ailleurs](/nulle-part-${i}/).\n` : ''
      const body = [
        `## Contexte ${i}`,
        '',
        `${PARAGRAPH.repeat(8)}[thème]({% link ${theme} %}) et [la suite]({% link ${file(next)} %}).`,
        '',
        `## Étapes`,
        '',
        `${PARAGRAPH.repeat(8)}[retour](/themes/page-${i - (i % 3)}/#contexte-${i - (i % 3)}) ![carte](/assets/carte.png)`,
        '',
        `{% include note.html %} <a href="{{ '/assets/carte.png' | relative_url }}">carte</a>${broken}`,
      ].join('\n')
      return writeFile(
        path.join(root, file(i)),
        `---\ntitle: Page numéro ${i}\ndescription: Description ${i}\norder: ${i}\n---\n\n${body}\n`,
      )
    }),
  )
  return root
}

export async function benchChecks(runs: number): Promise<void> {
  console.log(
    'Checks of a whole guide vs `grep -ril` of a word over the same files, same run, medians:',
  )
  const size = 5000
  const root = await generateGuide(size)
  try {
    const grep = await median(runs, () => run('grep', ['-ril', 'paragraphe', root]))
    const full = await median(runs, async () => checkSite(await readCheckContext(root)))
    const context = await readCheckContext(root)
    const problems = await checkSite(context)
    if (problems.length !== size / 100)
      throw new Error(`expected ${size / 100} problems, got ${problems.length}`)
    const checkOnly = await median(runs, () => checkSite(context))
    const one = path.join(root, '_themes/page-0.md')
    const text = await readFile(one, 'utf8')
    const typed = await median(runs, async () =>
      checkOnePage(context, '_themes/page-0.md', `${text}\n[x](/y/)\n`),
    )
    // A save of one page's text (same settings), as the app's service takes it: that page and
    // the pages linking to it are checked again, the site is not read again.
    const service = new CheckService(root, 0)
    await service.start()
    const saved = await median(runs, async () => {
      service.noteChanged([{ path: '_themes/page-0.md', textOnly: true }])
      await service.idle()
    })
    service.close()
    console.log(row(`full check, ${size} pages (read + check)`, full, grep, 'grep -ril'))
    console.log(row(`check only, ${size} pages (site read)`, checkOnly, grep, 'grep -ril'))
    console.log(row(`one page as typed, in a ${size}-page guide`, typed, grep, 'grep -ril'))
    console.log(row(`one page saved, its referrers rechecked`, saved, grep, 'grep -ril'))
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
