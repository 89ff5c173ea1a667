import { benchGitCommand, generatePlaybookRepository } from './bench-git.js'
/**
 * One benchmark run on one generated repository, in its own process so its
 * peak memory (maxRSS) is its own: `node --import tsx git-repository.bench.ts <files> <versions> <runs>`.
 * Each figure is printed beside native git doing the same in the same run.
 */
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fs from 'node:fs'
import git_ from 'isomorphic-git'
import { Repository } from '../../src-main/git/repository.js'
import { median, row } from './measure.js'

const [files, versions, runs] = process.argv.slice(2).map(Number) as [number, number, number]
const git = benchGitCommand

/** The generated repository, its files aged past the index's timestamp as on a real disk (no racy entries). */
function generate(): string {
  const dir = generatePlaybookRepository('atelier-bench-git-', files, versions)
  spawnSync('sleep', ['1.1'])
  git(dir, 'update-index', '-q', '--refresh')
  return dir
}

const dir = generate()
const baselineMb = process.memoryUsage().rss / 1024 / 1024
const target = (n: number) => path.join(dir, `_cas_pratiques/groupe-0/cas-${n}.md`)
const label = `${files.toLocaleString('en')} files`
const lines: string[] = []

const firstStatus = await median(runs, async () => {
  const repository = await Repository.find(dir)
  await repository!.statusEntries()
})
const nativeStatus = await median(runs, async () => git(dir, 'status', '--porcelain', '-uall'))
lines.push(row(`first status (${label})`, firstStatus, nativeStatus, 'git status'))
const repository = (await Repository.find(dir))!
await repository.statusEntries()
let edit = 0
const afterChange = await median(runs, async () => {
  writeFileSync(target(1), `édition ${edit++}\n`)
  repository.noteChanged(['_cas_pratiques/groupe-0/cas-1.md'])
  await repository.statusEntries()
})
const nativeAfterChange = await median(runs, async () => {
  writeFileSync(target(1), `édition ${edit++}\n`)
  git(dir, 'status', '--porcelain', '-uall')
})
lines.push(row(`status after one change (${label})`, afterChange, nativeAfterChange, 'git status'))

const author = { name: 'Bench', email: 'bench@example.org' }
const commitOne = await median(runs, async () => {
  writeFileSync(target(2), `édition ${edit++}\n`)
  repository.noteChanged(['_cas_pratiques/groupe-0/cas-2.md'])
  await repository.commit({ message: 'Une page', author })
})
const nativeCommitOne = await median(runs, async () => {
  writeFileSync(target(3), `édition ${edit++}\n`)
  git(dir, 'commit', '-q', '-m', 'Une page', '--', target(3))
})
lines.push(row(`commit of one page (${label})`, commitOne, nativeCommitOne, 'git commit'))

if (versions >= 1000) {
  const log = await median(runs, async () => {
    const fresh = (await Repository.find(dir))!
    await fresh.history({ limit: 1000 })
  })
  const nativeLog = await median(runs, async () =>
    git(dir, 'log', '-n', '1000', '--format=%H%x00%an%x00%ae%x00%aI%x00%P%x00%B'),
  )
  lines.push(row(`log of 1,000 versions (${label})`, log, nativeLog, 'git log'))
  const pagePath = '_cas_pratiques/groupe-0/cas-37.md'
  const pageLog = await median(runs, async () => {
    const fresh = (await Repository.find(dir))!
    await fresh.history({ path: pagePath, limit: 1000 })
  })
  const nativePageLog = await median(runs, async () =>
    git(dir, 'log', '-n', '1000', '--format=%H%x00%an%x00%s', '--', pagePath),
  )
  lines.push(row(`history of one page (${label})`, pageLog, nativePageLog, 'git log --'))
  // The same without the history index (`.git/atelier/history-index.json`): the first walk
  // of a repository, which builds it; its time is the cold cost, the row above the usual one.
  const historyIndex = path.join(dir, '.git', 'atelier', 'history-index.json')
  const firstPageLog = await median(runs, async () => {
    rmSync(historyIndex, { force: true })
    const fresh = (await Repository.find(dir))!
    await fresh.history({ path: pagePath, limit: 1000 })
  })
  lines.push(
    row(`  first history, index built (${label})`, firstPageLog, nativePageLog, 'git log --'),
  )
}
const peakMb = process.resourceUsage().maxRSS / 1024
const packMb = Number(git(dir, 'count-objects', '-v').match(/size-pack: (\d+)/)?.[1] ?? 0) / 1024
lines.push(
  `peak memory (${label}): ${peakMb.toFixed(0)} MB RSS (${baselineMb.toFixed(0)} MB before opening the repository), pack ${packMb.toFixed(1)} MB`,
)
if (files <= 5000) {
  // For scale, after the peak memory was read: isomorphic-git's own statusMatrix,
  // which the incremental status replaces.
  const started = performance.now()
  await git_.statusMatrix({ fs, dir })
  lines.push(
    row(
      '  isomorphic-git statusMatrix, 1 run',
      performance.now() - started,
      nativeStatus,
      'git status',
    ),
  )
}
process.stdout.write(`${lines.join('\n')}\n`)
if (process.env.BENCH_KEEP) process.stderr.write(`kept ${dir}\n`)
else rmSync(path.dirname(dir), { recursive: true, force: true })
