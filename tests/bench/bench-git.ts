import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Native git for the benches: no user or system configuration, a fixed author. */
export const benchGitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
}

export function benchGitCommand(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: benchGitEnv,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
}

/**
 * A playbook-like repository built with `git fast-import`: `pages` case studies in folders of
 * 100, then `versions - 1` commits each changing one page; the work tree checked out.
 */
export function generatePlaybookRepository(
  prefix: string,
  pages: number,
  versions: number,
): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), prefix)), 'repo')
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: benchGitEnv })
  const page = (i: number, edit: number) =>
    `---\ntitle: Cas pratique ${i}\npays: Bénin\norder: ${i}\n---\n\n## Contexte\n\nTexte du cas ${i}, révision ${edit}. ${'Lorem ipsum dolor sit amet. '.repeat(20)}\n`
  const folder = (i: number) => `_cas_pratiques/groupe-${Math.floor(i / 100)}/cas-${i}.md`
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`
  let stream = `commit refs/heads/main\ncommitter Bench <bench@example.org> 1700000000 +0000\n${data('Première version')}`
  for (let i = 0; i < pages; i++) stream += `M 100644 inline ${folder(i)}\n${data(page(i, 0))}`
  for (let v = 1; v < versions; v++) {
    const i = (v * 37) % pages
    stream += `commit refs/heads/main\ncommitter Bench <bench@example.org> ${1700000000 + v * 60} +0000\n${data(`Version ${v}`)}M 100644 inline ${folder(i)}\n${data(page(i, v))}`
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env: benchGitEnv,
    input: stream,
    maxBuffer: 1 << 28,
  })
  benchGitCommand(dir, 'reset', '-q', '--hard', 'main')
  return dir
}
