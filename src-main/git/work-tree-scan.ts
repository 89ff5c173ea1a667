import { lstatSync, readdirSync, type Stats } from 'node:fs'
import path from 'node:path'
import type { IgnoreRules } from './ignore-rules.js'

/** What the scan learnt about the work tree. Paths are relative, with forward slashes. */
export interface WorkTreeScan {
  /** Every file not ignored (and ignored files that are tracked), with its lstat. */
  files: Map<string, Stats>
  /** Folders holding their own `.git`: git lists them as one untracked `dir/`. */
  nestedRepositories: string[]
  /** Ignored files and folders (`dir/`), as `git status --ignored` lists them. */
  ignored: string[]
}

/**
 * Walks the work tree once, skipping `.git` and ignored folders. Synchronous
 * on purpose: thousands of `lstat` calls through the thread pool cost more
 * than they save, and the first scan is the only full one (later updates go
 * path by path).
 */
export function scanWorkTree(
  root: string,
  rules: IgnoreRules,
  tracked: (relative: string) => boolean,
  /** Scan only this folder (relative), for an update after a folder appeared. */
  from = '',
): WorkTreeScan {
  const result: WorkTreeScan = { files: new Map(), nestedRepositories: [], ignored: [] }
  const walk = (folder: string): void => {
    let entries
    try {
      entries = readdirSync(path.join(root, folder), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (folder === '' && entry.name === '.git') continue
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isDirectory()) {
        if (rules.isIgnored(relative, true)) {
          result.ignored.push(`${relative}/`)
          continue
        }
        if (isNestedRepository(path.join(root, relative))) {
          if (!tracked(relative)) result.nestedRepositories.push(`${relative}/`)
          continue
        }
        walk(relative)
      } else {
        const ignored = rules.isIgnored(relative, false)
        if (ignored) result.ignored.push(relative)
        if (ignored && !tracked(relative)) continue
        try {
          result.files.set(relative, lstatSync(path.join(root, relative)))
        } catch {
          // Gone between readdir and lstat: it is simply not there.
        }
      }
    }
  }
  walk(from)
  return result
}

function isNestedRepository(folder: string): boolean {
  try {
    lstatSync(path.join(folder, '.git'))
    return true
  } catch {
    return false
  }
}
