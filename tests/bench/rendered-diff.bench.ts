import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { markWordChanges } from '../../src-shared/review/word-diff.js'
import { Repository } from '../../src-main/git/repository.js'
import { bundledStarterPlaybook } from '../../src-main/paths.js'
import { BoundedRenderer } from '../../src-main/preview/bounded-renderer.js'
import { readSite } from '../../src-main/preview/read-site.js'
import { reviewDiff } from '../../src-main/review/rendered-diff.js'
import { caseStudyPage } from './case-study-page.js'
import { median, row } from './measure.js'

const PAGE = '_cas_pratiques/grand-cas.md'

/**
 * The rendered diff of a 100 KB page with a few edits (goal: under 200 ms)
 * beside rendering that page alone, same renderer, same run.
 */
export async function benchRenderedDiff(runs: number): Promise<void> {
  console.log('\nRendered diff of a 100 KB page vs rendering it once, same run, medians:')
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-rdiff-'))
  const dir = path.join(work, 'guide')
  const gitEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.org',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.org',
  }
  const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv })
  const renderer = new BoundedRenderer()
  try {
    await cp(bundledStarterPlaybook, dir, { recursive: true })
    const page = await caseStudyPage(100_000)
    await writeFile(path.join(dir, PAGE), page)
    run('init', '-q', '-b', 'main')
    run('add', '-A')
    run('commit', '-q', '-m', 'Guide')
    run('switch', '-q', '-c', 'contribution')
    // A few edits spread over the page: words changed, a sentence added.
    const edited = page
      .replace('Contexte (3)', 'Le contexte (3)')
      .replace('des forages et bornes-fontaines', 'des puits et bornes-fontaines')
      .replace(
        '## Étapes de mise en place (20)',
        '## Étapes de mise en place (20)\n\nUne phrase ajoutée au milieu.',
      )
    await writeFile(path.join(dir, PAGE), edited)
    run('commit', '-q', '-am', 'Quelques retouches')
    // Another contribution that changes only the page's settings (its title).
    run('switch', '-q', '-c', 'reglages', 'main')
    await writeFile(path.join(dir, PAGE), page.replace(/^title: .*$/m, 'title: Un autre titre'))
    run('commit', '-q', '-am', 'Titre')

    const repository = await Repository.find(dir)
    if (!repository) throw new Error('no repository')
    await renderer.warm()
    const site = await readSite(dir)
    const doc = site.documents.find((item) => item.relativePath === PAGE)!
    const renderAlone = await median(runs, () => renderer.render(site, doc, false))
    // As the app calls it: the preview's renderer and site model (read once per change of the site).
    const diff = await median(runs, () =>
      reviewDiff(repository.context, 'contribution', { renderer, site }),
    )
    // Cold: the site read again for the call.
    const cold = await median(runs, () =>
      reviewDiff(repository.context, 'contribution', { renderer }),
    )
    const settingsOnly = await median(runs, () =>
      reviewDiff(repository.context, 'reglages', { renderer, site }),
    )
    const before = await renderer.render(site, doc, false)
    const html = before.ok ? before.html : ''
    const afterHtml = html.replace('des forages', 'des puits').replace('(3)', 'le (3)')
    const words = await median(runs, async () => markWordChanges(html, afterHtml, { fold: true }))
    console.log(row('reviewDiff (100 KB page, 3 edits)', diff, renderAlone, 'render once'))
    console.log(row('reviewDiff, site read again', cold, renderAlone, 'render once'))
    console.log(row('reviewDiff, settings only (title)', settingsOnly, renderAlone, 'render once'))
    console.log(row('markWordChanges alone (100 KB of HTML)', words, renderAlone, 'render once'))
    console.log(`  goal: rendered diff under 200 ms — ${diff < 200 ? 'met' : 'NOT met'}`)
  } finally {
    await renderer.close()
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRenderedDiff(Number(process.env.BENCH_RUNS ?? 7))
}
