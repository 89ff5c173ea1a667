import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Whether git treats this repository as a sparse checkout, read from
 * `.git/config` and `.git/config.worktree` (where `git sparse-checkout`
 * writes it). It matters for one rule of git's (since 2.37): in a sparse
 * checkout, a file outside the sparse set that is present on disk anyway
 * loses its skip-worktree flag and is compared like any other, unless
 * `sparse.expectFilesOutsideOfPatterns` is set. The user's and the system's
 * git configuration are not read: these options belong to a repository.
 */
export function sparseCheckoutClearsPresentFiles(gitdir: string): boolean {
  const values = new Map<string, string>()
  for (const name of ['config', 'config.worktree']) {
    let text: string
    try {
      text = readFileSync(path.join(gitdir, name), 'utf8')
    } catch {
      continue
    }
    let section = ''
    for (const raw of text.split('\n')) {
      const line = raw.replace(/[#;].*$/, '').trim()
      const header = /^\[([^\]\s"]+)/.exec(line)
      if (header) {
        section = (header[1] ?? '').toLowerCase()
        continue
      }
      const pair = /^([A-Za-z][\w-]*)\s*(?:=\s*(.*))?$/.exec(line)
      if (pair?.[1]) values.set(`${section}.${pair[1].toLowerCase()}`, pair[2] ?? 'true')
    }
  }
  return (
    isTrue(values.get('core.sparsecheckout')) &&
    !isTrue(values.get('sparse.expectfilesoutsideofpatterns'))
  )
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', 'yes', 'on', '1'].includes(value.trim().toLowerCase())
}
