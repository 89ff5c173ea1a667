import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { buildSite } from '../../src-main/preview/build-site.js'
import { PreviewService } from '../../src-main/preview/preview-service.js'
import { ensureStarterPlaybook } from '../../src-main/workspace/starter-playbook.js'
import { median, row } from './measure.js'

/**
 * The preview and the export beside Debian's `jekyll build` of the same site
 * in the same run (goal: faster than Jekyll), and the re-render of one page
 * after an edit beside markdown-it converting the same page.
 */
export async function benchPreview(runs: number): Promise<void> {
  console.log('\nPreview and export vs jekyll build, same run, medians:')
  const hasJekyll = spawnSync('jekyll', ['--version']).status === 0
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-preview-'))
  // The starter as users get it: its pages with the built-in theme installed, which
  // jekyll builds too (the bundled folder alone has no layouts for jekyll).
  const starter = await ensureStarterPlaybook(bundledStarterPlaybook, path.join(work, 'data'))
  const large = path.join(work, 'large')
  await cp(starter, large, { recursive: true })
  const sample = await readFile(
    path.join(starter, '_cas_pratiques/benin-registre-demandes.md'),
    'utf8',
  )
  for (let i = 0; i < 1000; i++) {
    await writeFile(
      path.join(large, '_cas_pratiques', `cas-genere-${i}.md`),
      sample
        .replace(/^title: .*$/m, `title: "Cas généré ${i}"`)
        .replace(/^order: .*$/m, `order: ${i + 10}`),
    )
  }
  const jekyll = (source: string) =>
    execFileSync(
      'jekyll',
      [
        'build',
        '-q',
        '--source',
        source,
        '--destination',
        path.join(work, 'jekyll-out'),
        '--disable-disk-cache',
      ],
      {
        stdio: 'pipe',
      },
    )
  for (const [label, source, count] of [
    ['starter playbook', starter, runs],
    ['1,000 generated case studies', large, Math.min(runs, 3)],
  ] as const) {
    const ours = await median(count, () => buildSite(source, path.join(work, 'ours-out')))
    if (hasJekyll) {
      const theirs = await median(count, async () => jekyll(source))
      console.log(row(`full build, ${label}`, ours, theirs, 'jekyll build'))
    } else {
      console.log(
        `full build, ${label}: ${ours.toFixed(1)} ms (jekyll not installed: no reference)`,
      )
    }
  }

  const preview = new PreviewService(starter, "'self'")
  const page = '_cas_pratiques/benin-registre-demandes.md'
  const url = (await preview.urlOf(page))!
  await preview.serve(url)
  let edit = 0
  const rerender = await median(runs * 3, async () => {
    preview.setDraft(page, `${sample}\nUne phrase ajoutée ${edit++}.\n`)
    await preview.serve(url)
  })
  const markdownIt = new MarkdownIt()
  const body = sample.replace(/^---[\s\S]*?\n---\n/, '')
  const reference = await median(runs * 3, async () =>
    markdownIt.render(`${body}\nUne phrase ajoutée ${edit++}.\n`),
  )
  console.log(row('re-render one page after an edit', rerender, reference, 'markdown-it body'))
  await rm(work, { recursive: true, force: true })
}
