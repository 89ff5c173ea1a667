import { readFileSync } from 'node:fs'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'

/** One `.gitignore` (or `info/exclude`), whose patterns are relative to `base`. */
interface RuleFile {
  /** Folder the patterns are relative to: '' for the root, else `a/b/`. */
  base: string
  rules: Ignore
}

/**
 * Git's ignore rules for a work tree: `.git/info/exclude`, then every
 * `.gitignore` from the root down, the deepest one deciding (negations
 * included). Uses the `ignore` package, which follows gitignore's spec and is
 * what isomorphic-git relies on too. The user's global excludes file is not
 * read: it is not part of the playbook.
 */
export class IgnoreRules {
  private readonly files = new Map<string, RuleFile | null>()

  constructor(
    private readonly root: string,
    gitdir: string,
  ) {
    const exclude = readText(path.join(gitdir, 'info', 'exclude'))
    this.exclude = exclude === null ? null : ignore().add(exclude)
  }

  private readonly exclude: Ignore | null

  /** `relative` uses forward slashes; folders are asked with `isDirectory`. */
  isIgnored(relative: string, isDirectory: boolean): boolean {
    const candidate = isDirectory ? `${relative}/` : relative
    const folders = ancestors(relative)
    // Deepest .gitignore first: the first one with an opinion decides.
    for (let i = folders.length - 1; i >= 0; i--) {
      const file = this.ruleFile(folders[i] ?? '')
      if (!file) continue
      const verdict = file.rules.test(candidate.slice(file.base.length))
      if (verdict.ignored) return true
      if (verdict.unignored) return false
    }
    if (this.exclude) {
      const verdict = this.exclude.test(candidate)
      if (verdict.ignored) return true
    }
    return false
  }

  /** Forgets a `.gitignore` that changed on disk. */
  invalidate(gitignorePath: string): void {
    const folder = path.posix.dirname(gitignorePath)
    this.files.delete(folder === '.' ? '' : `${folder}/`)
  }

  private ruleFile(base: string): RuleFile | null {
    let file = this.files.get(base)
    if (file === undefined) {
      const text = readText(path.join(this.root, base, '.gitignore'))
      file = text === null ? null : { base, rules: ignore().add(text) }
      this.files.set(base, file)
    }
    return file
  }
}

/** '' plus every parent folder of a path, as `a/`, `a/b/` — root first. */
function ancestors(relative: string): string[] {
  const result = ['']
  let index = relative.indexOf('/')
  while (index >= 0) {
    result.push(relative.slice(0, index + 1))
    index = relative.indexOf('/', index + 1)
  }
  return result
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
