import { benchGitCommand, benchGitEnv as env } from './bench-git.js'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Repository } from '../../src-main/git/repository.js'
import { sendContribution } from '../../src-main/review/send-contribution.js'
import { median, row } from './measure.js'

/**
 * « Envoyer ma contribution » on a generated 5,000-page guide with a
 * one-paragraph contribution: export time and file size beside native
 * `git bundle create main..contribution` in the same run (the goal: a file
 * within 3× native's size), and the complete file beside `git bundle create
 * --branches`.
 */
const git = benchGitCommand

const PAGES = 5000

/** A case study of a few kilobytes: front matter and twelve paragraphs. */
function page(i: number, revision: number): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, p) =>
      `Paragraphe ${p} du cas ${i} (révision ${revision}) : la société civile a suivi le budget, ` +
      `les contrats publics et les déclarations de patrimoine, étape ${(i * 31 + p * 7) % 997}. `.repeat(
        3,
      ),
  )
  return `---\ntitle: Cas pratique ${i}\npays: Bénin\norder: ${i}\n---\n\n${paragraphs.join('\n\n')}\n`
}

/** The guide (with some history on `main`) and a branch changing one paragraph of one page. */
function generate(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-bundle-')), 'repo')
  git(path.dirname(dir), 'init', '-q', '-b', 'main', dir)
  const folder = (i: number) => `_cas_pratiques/groupe-${Math.floor(i / 100)}/cas-${i}.md`
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`
  let stream = `commit refs/heads/main\ncommitter Bench <bench@example.org> 1700000000 +0000\n${data('Première version')}`
  for (let i = 0; i < PAGES; i++) stream += `M 100644 inline ${folder(i)}\n${data(page(i, 0))}`
  for (let v = 1; v < 200; v++) {
    const i = (v * 37) % PAGES
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.org> ${1700000000 + v * 60} +0000\n${data(`Version ${v}`)}M 100644 inline ${folder(i)}\n${data(page(i, v))}`
  }
  const changed = page(4242, 0).replace('Paragraphe 6 du cas', 'Paragraphe 6, revu, du cas')
  stream += `commit refs/heads/contribution\ncommitter Bench <bench@example.org> 1700100000 +0000\n${data('Un paragraphe revu')}from refs/heads/main\nM 100644 inline ${folder(4242)}\n${data(changed)}`
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env,
    input: stream,
    maxBuffer: 1 << 28,
  })
  // As a guide on a laptop usually is: packed by git's own maintenance.
  git(dir, 'gc', '-q')
  return dir
}

export async function benchBundleExport(runs: number): Promise<void> {
  console.log('\nContribution files (our thin bundle writer) vs native git bundle create')
  const dir = generate()
  const out = mkdtempSync(path.join(os.tmpdir(), 'atelier-bench-bundle-out-'))
  try {
    const lines: string[] = []
    for (const full of [false, true]) {
      const ours = path.join(out, `atelier-${full}.bundle`)
      const native = path.join(out, `native-${full}.bundle`)
      const time = await median(runs, async () => {
        // A fresh repository each time: the export as the app does it after opening the guide.
        const repository = (await Repository.find(dir))!
        await sendContribution(repository.context, { branch: 'contribution', full, file: ours })
      })
      const nativeTime = await median(runs, async () =>
        git(
          dir,
          'bundle',
          'create',
          '-q',
          native,
          ...(full ? ['contribution'] : ['main..contribution']),
        ),
      )
      const label = full ? 'complete file' : 'one-paragraph contribution'
      lines.push(row(`export, ${label} (${PAGES} pages)`, time, nativeTime, 'git bundle create'))
      const size = statSync(ours).size
      const nativeSize = statSync(native).size
      lines.push(
        `${`size, ${label}`.padEnd(44)} ${String(size).padStart(8)} B    git bundle create ${String(
          nativeSize,
        ).padStart(7)} B    ratio ${(size / nativeSize).toFixed(2)}`,
      )
    }
    console.log(lines.join('\n'))
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true })
    rmSync(out, { recursive: true, force: true })
  }
}
