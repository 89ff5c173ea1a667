import { benchGitCommand } from './bench-git.js'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Repository } from '../../src-main/git/repository.js'
import { receiveContribution } from '../../src-main/review/receive-contribution.js'
import { median, row } from './measure.js'

const git = benchGitCommand

function page(i: number): string {
  const lines = Array.from(
    { length: 40 },
    (_, line) => `Paragraphe ${line} de la fiche ${i} : gestes, matériel et précautions.`,
  )
  return `---\ntitle: Fiche ${i}\n---\n${lines.join('\n')}\n`
}

/**
 * « Ouvrir une contribution reçue »: a one-page contribution (a thin bundle,
 * `main..x`) imported into a generated 5,000-page guide, beside native
 * `git fetch <file>` into a clone of the same guide, same run. Each run
 * imports a different contribution, so neither side finds its objects there.
 */
export async function benchBundleImport(runs: number): Promise<void> {
  console.log('\nReceiving a contribution file (5,000-page guide, one page changed)')
  const root = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-bundle-'))
  try {
    const sender = path.join(root, 'sender')
    await mkdir(path.join(sender, 'fiches'), { recursive: true })
    git(sender, 'init', '-q', '-b', 'main')
    for (let i = 0; i < 5000; i++)
      await writeFile(path.join(sender, 'fiches', `page-${i}.md`), page(i))
    git(sender, 'add', '-A')
    git(sender, 'commit', '-q', '-m', 'Guide')
    const files: string[] = []
    for (let n = 0; n <= runs; n++) {
      git(sender, 'checkout', '-q', '-b', `c${n}`, 'main')
      const name = path.join(sender, 'fiches', `page-${n * 37}.md`)
      await writeFile(name, page(n * 37).replace('Paragraphe 20', `Paragraphe revu ${n}`))
      git(sender, 'commit', '-q', '-am', `Contribution ${n}`)
      const file = path.join(root, `c${n}.bundle`)
      git(sender, 'bundle', 'create', '-q', file, `main..c${n}`)
      files.push(file)
    }
    git(sender, 'checkout', '-q', 'main')
    const ours = path.join(root, 'ours')
    const theirs = path.join(root, 'theirs')
    git(root, 'clone', '-q', sender, ours)
    git(root, 'clone', '-q', sender, theirs)
    const repository = await Repository.find(ours)
    if (!repository) throw new Error('no repository')

    let mine = 0
    const atelier = await median(runs, () =>
      receiveContribution(repository.context, files[mine++]!),
    )
    let native = 0
    const fetch = await median(runs, async () => {
      const n = native++
      git(theirs, 'fetch', '-q', files[n]!, `c${n}:refs/heads/recu/c${n}`)
    })
    console.log(row('import (check + objects + ref)', atelier, fetch, 'git fetch <file>'))
    console.log(`  file size: ${(await stat(files[0]!)).size} bytes`)
    git(ours, 'fsck', '--strict', '--no-dangling')

    // A complete file (the whole guide) into an empty repository, each run a fresh one.
    const full = path.join(root, 'full.bundle')
    git(sender, 'bundle', 'create', '-q', full, 'c0')
    let round = 0
    const fresh = async (): Promise<string> => {
      const dir = path.join(root, `empty-${round++}`)
      git(root, 'init', '-q', dir)
      return dir
    }
    const completeOurs = await median(runs, async () => {
      const empty = await Repository.find(await fresh())
      await receiveContribution(empty!.context, full)
    })
    const completeNative = await median(runs, async () => {
      git(await fresh(), 'fetch', '-q', full, 'c0:refs/heads/recu/c0')
    })
    console.log(
      row(
        'complete file into an empty repository',
        completeOurs,
        completeNative,
        'git fetch <file>',
      ),
    )
    console.log(`  file size: ${(await stat(full)).size} bytes`)
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchBundleImport(Number(process.env.BENCH_RUNS ?? 7))
}
