/**
 * One sync benchmark run, in its own process (peak memory is its own):
 * `node --import tsx sync-clone.bench.ts <pages> <versions> <runs>`.
 * Bytes are what the server sent for the clone, counted by the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Repository } from '../../src-main/git/repository.js'
import { cloneRepository } from '../../src-main/sync/clone.js'
import { pull } from '../../src-main/sync/pull.js'
import { push as pushTo } from '../../src-main/sync/push.js'
import { MemoryCredentials } from '../../src-main/sync/credentials.js'
import { nativeGit, startGitServer } from '../helpers/git-server.js'
import { generatePlaybookRepository } from './bench-git.js'
import { median } from './measure.js'

const [pages, versions, runs] = process.argv.slice(2).map(Number) as [number, number, number]

const source = generatePlaybookRepository('atelier-bench-sync-', pages, versions)
const server = await startGitServer({ user: 'bench', token: 'bench' })
server.create('guide', source)
const work = mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-sync-clones-'))
let n = 0

/** Median time of `runs` clones, and the bytes the server sent for one. */
async function measure(
  clone: (dir: string) => Promise<unknown>,
): Promise<{ ms: number; bytes: number }> {
  let bytes = 0
  const ms = await median(runs, async () => {
    const dir = path.join(work, `clone-${n++}`)
    const before = server.stats.bytesSent
    await clone(dir)
    bytes = server.stats.bytesSent - before
    rmSync(dir, { recursive: true, force: true })
  })
  return { ms, bytes }
}

const credentials = new MemoryCredentials()
const label = `${pages.toLocaleString('en')} pages, ${versions} versions`
for (const depth of [undefined, 1]) {
  const ours = await measure((dir) =>
    cloneRepository({ url: server.url('guide'), dir, credentials, ...(depth ? { depth } : {}) }),
  )
  const native = await measure((dir) =>
    nativeGit(
      work,
      'clone',
      '-q',
      ...(depth ? ['--depth', String(depth)] : []),
      server.url('guide'),
      dir,
    ),
  )
  const what = depth ? `clone --depth ${depth}` : 'clone (full)'
  console.log(
    `${`${what} (${label})`.padEnd(44)} ${ours.ms.toFixed(0).padStart(7)} ms ${(ours.bytes / 1e6).toFixed(2).padStart(7)} MB   git clone ${native.ms.toFixed(0).padStart(6)} ms ${(native.bytes / 1e6).toFixed(2).padStart(6)} MB   ratio time ${(ours.ms / native.ms).toFixed(2)} bytes ${(ours.bytes / native.bytes).toFixed(2)}`,
  )
}
// Receive one new version and publish one, each beside native git on its own copy.
const ours = path.join(work, 'ours')
const theirs = path.join(work, 'theirs')
const author = { name: 'Bench', email: 'bench@example.org' }
const push = new MemoryCredentials()
push.set(server.origin, { username: 'bench', password: 'bench' })
const withAuth = server.url('guide').replace('http://', 'http://bench:bench@')
await cloneRepository({ url: server.url('guide'), dir: ours, credentials: push })
await nativeGit(work, 'clone', '-q', withAuth, theirs)
const repository = (await Repository.find(ours))!
let edit = 0
/** A new version on the server, made by another native copy (not timed). */
async function newVersionOnServer(): Promise<void> {
  const other = path.join(work, `other-${edit}`)
  await nativeGit(work, 'clone', '-q', withAuth, other)
  writeFileSync(path.join(other, '_cas_pratiques/groupe-0/cas-1.md'), `édition ${edit++}\n`)
  await nativeGit(other, 'commit', '-q', '-am', 'Une page')
  await nativeGit(other, 'push', '-q', 'origin', 'main')
  rmSync(other, { recursive: true, force: true })
}
async function timed(task: () => Promise<unknown>): Promise<{ ms: number; bytes: number }> {
  const before = server.stats.bytesSent
  const started = process.hrtime.bigint()
  await task()
  return {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    bytes: server.stats.bytesSent - before,
  }
}
const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const receive = { ours: [] as number[], native: [] as number[], oursBytes: 0, nativeBytes: 0 }
const publish = { ours: [] as number[], native: [] as number[], oursBytes: 0, nativeBytes: 0 }
for (let run = 0; run < runs; run++) {
  await newVersionOnServer()
  const a = await timed(() => pull(repository, { credentials: push, author }))
  const b = await timed(() => nativeGit(theirs, 'pull', '-q', '--no-rebase', 'origin', 'main'))
  receive.ours.push(a.ms)
  receive.native.push(b.ms)
  receive.oursBytes = a.bytes
  receive.nativeBytes = b.bytes
  writeFileSync(path.join(ours, '_cas_pratiques/groupe-0/cas-2.md'), `édition ${edit++}\n`)
  repository.noteChanged(['_cas_pratiques/groupe-0/cas-2.md'])
  await repository.commit({ message: 'Une page', author })
  const c = await timed(() => pushTo(repository, { credentials: push, branch: 'main' }))
  publish.ours.push(c.ms)
  await nativeGit(theirs, 'pull', '-q', '--no-rebase', 'origin', 'main')
  writeFileSync(path.join(theirs, '_cas_pratiques/groupe-0/cas-3.md'), `édition ${edit++}\n`)
  await nativeGit(theirs, 'commit', '-q', '-am', 'Une page')
  const d = await timed(() => nativeGit(theirs, 'push', '-q', 'origin', 'main'))
  publish.native.push(d.ms)
  await pull(repository, { credentials: push, author })
}
for (const [what, figures, reference] of [
  ['receive one version', receive, 'git pull'],
  ['publish one version', publish, 'git push'],
] as const) {
  const a = mid(figures.ours)
  const b = mid(figures.native)
  console.log(
    `${`${what} (${label})`.padEnd(44)} ${a.toFixed(0).padStart(7)} ms   ${reference} ${b.toFixed(0).padStart(6)} ms   ratio time ${(a / b).toFixed(2)}${figures.oursBytes ? `   received ${(figures.oursBytes / 1e3).toFixed(1)} kB vs ${(figures.nativeBytes / 1e3).toFixed(1)} kB` : ''}`,
  )
}
console.log(
  `peak memory (this process, server included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
)
await server.close()
rmSync(work, { recursive: true, force: true })
rmSync(path.dirname(source), { recursive: true, force: true })
