import { lstatSync, readdirSync, type Stats } from 'node:fs'
import path from 'node:path'
import { workTreeBlobId } from './blob-id.js'
import { IgnoreRules } from './ignore-rules.js'
import {
  readIndexFile,
  indexSignature,
  type IndexEntry,
  type IndexSnapshot,
  type TreeLister,
} from './index-file.js'
import { sparseCheckoutClearsPresentFiles } from './sparse-checkout.js'
import { compareGitPaths, conflictCode, type StatusEntry } from './status-entry.js'
import type { TreeFile } from './tree-files.js'
import { scanWorkTree } from './work-tree-scan.js'

const GITLINK = 0o160000

/** What the tracker needs from the repository: the current version's files. */
export interface HeadSource {
  /** The commit HEAD points to, or null before the first version. */
  headOid(): Promise<string | null>
  /** HEAD's files; `index` (just read) may spare reading trees (see `head-files.ts`). */
  filesOf(commitOid: string | null, index: IndexSnapshot): Promise<Map<string, TreeFile>>
  /** A folder's files, for the folder entries of a sparse index. */
  listTree: TreeLister
}

export interface StatusOptions {
  /** List ignored files and folders too (`git status --ignored`). */
  ignored?: boolean
  /**
   * Look at the whole work tree again instead of trusting the file events
   * received so far: for recording a version, which must be exact even if an
   * event was missed. The index's stat data still spares the hashing.
   */
  fresh?: boolean
}

/** What a status read of the repository: HEAD, its files, the index. */
export interface KnownState {
  oid: string | null
  files: ReadonlyMap<string, TreeFile>
  index: IndexSnapshot
}

/** A file already hashed while its stat differed from the index: no need to hash it again. */
interface KnownHash {
  signature: string
  oid: string
}

/**
 * Status of every file, kept up to date incrementally.
 *
 * The first call scans the work tree once. After that, the editor's saves and
 * the file watcher call `update(paths)`, which looks at those paths only. A
 * file is compared with its index entry by its stat (size, modification
 * time, inode, executable bit); it is hashed only when the stat differs or
 * is too recent to be trusted ("racy", as git calls a file modified in the
 * same instant as the index). The index and HEAD are re-read only when their
 * files change, so `git commit` run by someone else is noticed too.
 */
export class StatusTracker {
  private rules: IgnoreRules
  private files: Map<string, Stats> | null = null
  private nested: string[] = []
  private ignoredPaths: string[] = []
  private index: IndexSnapshot | null = null
  private byPath = new Map<string, IndexEntry[]>()
  /** In a sparse checkout, skip-worktree files present on disk are compared anyway. */
  private sparseCheckout = false
  private headOid: string | null | undefined = undefined
  private head = new Map<string, TreeFile>()
  private readonly hashes = new Map<string, KnownHash>()
  /** Files hashed so far: the measure of how much work a status did (tests, benchmark). */
  hashed = 0

  constructor(
    readonly root: string,
    readonly gitdir: string,
    private readonly source: HeadSource,
  ) {
    this.rules = new IgnoreRules(root, gitdir)
  }

  /**
   * HEAD's files and the index as the last status read them, for recording a
   * version on top of them without reading either again.
   */
  get lastRead(): KnownState | undefined {
    if (this.headOid === undefined || this.index === null) return undefined
    return { oid: this.headOid, files: this.head, index: this.index }
  }

  /** Paths changed on disk (files or folders, relative). Cheap: only those are looked at. */
  update(paths: Iterable<string>): void {
    if (this.files === null) return
    for (const relative of paths) {
      if (relative === '' || relative === '.git' || relative.startsWith('.git/')) continue
      if (path.posix.basename(relative) === '.gitignore') {
        // New rules can hide or reveal anything below: start again from scratch.
        this.files = null
        this.rules = new IgnoreRules(this.root, this.gitdir)
        return
      }
      let info: Stats | null
      try {
        info = lstatSync(path.join(this.root, relative))
      } catch {
        info = null
      }
      if (info?.isDirectory()) {
        this.rescanFolder(relative)
      } else {
        this.forgetFolder(relative)
        if (info && (!this.rules.isIgnored(relative, false) || this.byPath.has(relative))) {
          this.files.set(relative, info)
        } else {
          this.files.delete(relative)
        }
      }
    }
  }

  /** Forgets everything: the next status scans the work tree again. */
  reset(): void {
    this.files = null
    this.index = null
    this.headOid = undefined
    this.rules = new IgnoreRules(this.root, this.gitdir)
  }

  async status(options: StatusOptions = {}): Promise<StatusEntry[]> {
    await this.refreshRepositoryState()
    if (this.files === null || options.fresh) this.fullScan()
    const files = this.files ?? new Map<string, Stats>()
    const indexMtime = this.index?.mtimeMs ?? 0

    const tracked: StatusEntry[] = []
    const paths = new Set<string>([...this.head.keys(), ...this.byPath.keys()])
    for (const file of paths) {
      const entries = this.byPath.get(file) ?? []
      const headFile = this.head.get(file)
      if (entries.some((entry) => entry.stage !== 0)) {
        const code = conflictCode(new Set(entries.map((entry) => entry.stage)))
        tracked.push({ path: file, x: code[0] ?? 'U', y: code[1] ?? 'U' })
        continue
      }
      const entry = entries[0]
      let x = ' '
      if (!entry) x = 'D'
      // `git add -N`: git shows the path as added in the work tree only (` A`).
      else if (entry.intentToAdd) x = ' '
      else if (!headFile) x = 'A'
      else if (headFile.oid !== entry.oid || headFile.mode !== entry.mode) x = 'M'
      const y = entry ? this.workTreeCode(file, entry, files, indexMtime) : ' '
      if (x !== ' ' || y !== ' ') tracked.push({ path: file, x, y })
    }
    const untracked: StatusEntry[] = []
    for (const file of files.keys()) {
      if (!this.byPath.has(file)) untracked.push({ path: file, x: '?', y: '?' })
    }
    for (const folder of this.nested) untracked.push({ path: folder, x: '?', y: '?' })

    const result = [...pairRenames(tracked, this.byPath, this.head), ...untracked.sort(byPath)]
    if (options.ignored) {
      // With -uall git lists every file of an ignored folder, one by one.
      const ignored = this.ignoredPaths.flatMap((entry) =>
        entry.endsWith('/') ? filesUnder(this.root, entry.slice(0, -1)) : [entry],
      )
      for (const file of ignored.sort(compareGitPaths)) {
        if (!this.byPath.has(file)) result.push({ path: file, x: '!', y: '!' })
      }
    }
    return result
  }

  /** ' ' when the work-tree file matches its index entry, 'M' or 'D' otherwise. */
  private workTreeCode(
    file: string,
    entry: IndexEntry,
    files: Map<string, Stats>,
    indexMtime: number,
  ): string {
    if (entry.mode === GITLINK) return ' '
    // Git does not look at these on disk: outside the sparse checkout
    // (skip-worktree; absent from disk on purpose) or assumed unchanged.
    if (entry.assumeUnchanged) return ' '
    // The scan's map, not a stat per entry: a sparse checkout has thousands of these.
    if (entry.skipWorktree && !(this.sparseCheckout && files.has(file))) return ' '
    if (entry.intentToAdd) return files.has(file) || this.exists(file) ? 'A' : 'D'
    let info = files.get(file)
    if (!info) {
      // Tracked files under an ignored folder are not walked: look at them directly.
      try {
        info = lstatSync(path.join(this.root, file))
        if (info.isDirectory()) return 'D'
        files.set(file, info)
      } catch {
        return 'D'
      }
    }
    if (modeOf(info) !== entry.mode) return 'M'
    if (statMatches(info, entry) && info.mtimeMs < indexMtime) return ' '
    return this.hashOf(file, info) === entry.oid ? ' ' : 'M'
  }

  private exists(file: string): boolean {
    try {
      return !lstatSync(path.join(this.root, file)).isDirectory()
    } catch {
      return false
    }
  }

  private hashOf(file: string, info: Stats): string {
    const signature = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`
    const known = this.hashes.get(file)
    if (known?.signature === signature) return known.oid
    const oid = workTreeBlobId(path.join(this.root, file))
    this.hashed++
    // Only trust the signature of a file that was not being written while hashed.
    if (Date.now() - info.mtimeMs > 1000) this.hashes.set(file, { signature, oid })
    return oid
  }

  private async refreshRepositoryState(): Promise<void> {
    this.sparseCheckout = sparseCheckoutClearsPresentFiles(this.gitdir)
    const signature = indexSignature(path.join(this.gitdir, 'index'))
    if (this.index === null || this.index.signature !== signature) {
      this.index = readIndexFile(this.gitdir, (oid) => this.source.listTree(oid))
      this.byPath = new Map()
      for (const entry of this.index.entries) {
        const list = this.byPath.get(entry.path)
        if (list) list.push(entry)
        else this.byPath.set(entry.path, [entry])
      }
    }
    const oid = await this.source.headOid()
    if (oid !== this.headOid) {
      this.head = await this.source.filesOf(oid, this.index)
      this.headOid = oid
    }
  }

  private fullScan(): void {
    const scan = scanWorkTree(this.root, this.rules, (file) => this.byPath.has(file))
    this.files = scan.files
    this.nested = scan.nestedRepositories
    this.ignoredPaths = scan.ignored
  }

  private rescanFolder(folder: string): void {
    if (!this.files) return
    this.forgetFolder(folder)
    if (this.rules.isIgnored(folder, true)) return
    const sub = scanWorkTree(this.root, this.rules, (file) => this.byPath.has(file), folder)
    for (const [relative, info] of sub.files) this.files.set(relative, info)
  }

  private forgetFolder(folder: string): void {
    if (!this.files) return
    const prefix = `${folder}/`
    for (const key of this.files.keys()) if (key.startsWith(prefix)) this.files.delete(key)
  }
}

/** Every file below a folder (relative paths), for listing an ignored folder's content. */
function filesUnder(root: string, folder: string): string[] {
  try {
    return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) =>
        path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
      )
  } catch {
    return []
  }
}

function modeOf(info: Stats): number {
  if (info.isSymbolicLink()) return 0o120000
  return info.mode & 0o100 ? 0o100755 : 0o100644
}

/** Size, modification time (to the millisecond) and inode, as git's stat check. */
function statMatches(info: Stats, entry: IndexEntry): boolean {
  if (info.size % 2 ** 32 !== entry.size) return false
  if (entry.ino !== 0 && info.ino % 2 ** 32 !== entry.ino) return false
  const entryMs = entry.mtimeSeconds * 1000 + Math.floor(entry.mtimeNanoseconds / 1e6)
  return Math.floor(info.mtimeMs) === entryMs
}

function byPath(a: StatusEntry, b: StatusEntry): number {
  return compareGitPaths(a.path, b.path)
}

/**
 * A path deleted from the index and another added with the very same blob is
 * a rename, shown as git does (`R  old -> new`). Only exact renames are
 * paired: git also pairs files that are merely similar, which this does not.
 */
function pairRenames(
  entries: StatusEntry[],
  index: Map<string, IndexEntry[]>,
  head: Map<string, TreeFile>,
): StatusEntry[] {
  const deletedByOid = new Map<string, StatusEntry[]>()
  for (const entry of entries) {
    const oid = head.get(entry.path)?.oid
    if (entry.x === 'D' && oid) deletedByOid.set(oid, [...(deletedByOid.get(oid) ?? []), entry])
  }
  const renamedFrom = new Set<string>()
  const result: StatusEntry[] = []
  for (const entry of entries) {
    const oid = index.get(entry.path)?.[0]?.oid
    const source = entry.x === 'A' && oid ? deletedByOid.get(oid)?.shift() : undefined
    if (source) {
      renamedFrom.add(source.path)
      result.push({ ...entry, x: 'R', from: source.path })
    } else {
      result.push(entry)
    }
  }
  // A deleted path that became a rename's source is shown once, on the rename;
  // its work-tree side (if it came back) is then an untracked file.
  return result.filter((entry) => !(renamedFrom.has(entry.path) && entry.x === 'D')).sort(byPath)
}
