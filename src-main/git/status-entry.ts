/**
 * One line of status, in git's own two-letter code (as `git status
 * --porcelain` prints it), so the CLI can print it and tests can compare it
 * with native git:
 * - `x`: the index against the current version (' ', M, A, D, R, or U in a conflict);
 * - `y`: the work tree against the index (' ', M, D, or U in a conflict);
 * - `??` for untracked files.
 */
export interface StatusEntry {
  path: string
  x: string
  y: string
  /** For a rename (`R`): the old path. */
  from?: string
}

/** Byte order of UTF-8 paths, as git sorts them (not JavaScript's UTF-16 order). */
export function compareGitPaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** Git's two letters for an unmerged path, from the stages present in the index. */
export function conflictCode(stages: ReadonlySet<number>): string {
  const key = `${stages.has(1) ? 1 : ''}${stages.has(2) ? 2 : ''}${stages.has(3) ? 3 : ''}`
  const codes: Record<string, string> = {
    '1': 'DD',
    '2': 'AU',
    '12': 'UD',
    '3': 'UA',
    '13': 'DU',
    '23': 'AA',
    '123': 'UU',
  }
  return codes[key] ?? 'UU'
}
