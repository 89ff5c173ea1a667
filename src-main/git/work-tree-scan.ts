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
    const absolute = path.join(root, folder)
    try {
      entries = readdirSync(absolute, { withFileTypes: true })
    } catch {
      return
    }
    // Joined by hand: path.join for each of thousands of files costs more than their lstat.
    const prefix = `${absolute}${path.sep}`
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
        // A tracked file is looked at whether ignored or not, and never listed
        // as ignored: its rules need not be asked (most files are tracked).
        if (!tracked(relative) && rules.isIgnored(relative, false)) {
          result.ignored.push(relative)
          continue
        }
        const info = lstatSync(`${prefix}${entry.name}`, { throwIfNoEntry: false })
        // Absent: gone between readdir and lstat, it is simply not there.
        if (info) result.files.set(relative, info)
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
