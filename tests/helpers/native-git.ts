import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { tempDir } from './temp-dir.js'

/** Native git with no user or system configuration, so tests see git's defaults. */
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Native Git',
  GIT_AUTHOR_EMAIL: 'native@example.org',
  GIT_COMMITTER_NAME: 'Native Git',
  GIT_COMMITTER_EMAIL: 'native@example.org',
  LC_ALL: 'C',
}

/** Runs native git in `dir` and returns its standard output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Exit status of a native git command (0 = success), without throwing. */
export function gitStatusCode(dir: string, ...args: string[]): number {
  try {
    git(dir, ...args)
    return 0
  } catch (error) {
    return (error as { status?: number }).status ?? 1
  }
}

/** A new repository on `main` holding `files` as its first version (made by native git). */
export async function nativeRepository(
  files: Record<string, string | Buffer> = {},
): Promise<string> {
  const dir = path.join(await tempDir('atelier-git-'), 'repo')
  await mkdir(dir, { recursive: true })
  git(dir, 'init', '-q', '-b', 'main')
  await writeFiles(dir, files)
  if (Object.keys(files).length > 0) {
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'Première version')
  }
  return dir
}

export async function writeFiles(
  dir: string,
  files: Record<string, string | Buffer>,
): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), content)
  }
}

/** What native git prints for `git status --porcelain -uall`. */
export function nativePorcelain(dir: string, ...extra: string[]): string {
  return git(dir, 'status', '--porcelain', '-uall', ...extra)
}
