import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { GitDataError } from './git-data-error.js'
import { writeAtomically } from './git-fs.js'
import { objectFile } from './object-errors.js'
import type { ObjectStore } from './object-store.js'
import { parseTree, type TreeItem } from './parse-objects.js'
import { readCommit } from './tree-files.js'

/** What a page's history needs of one commit, kept so it is read and compared once. */
export interface IndexedCommit {
  tree: string
  parents: string[]
  /** Committer time (seconds): the walk's order. */
  time: number
  /**
   * Files whose blob or mode differ from the only parent's; null for a root
   * commit, a merge, or a change of more than `MAX_CHANGED` files (then the
   * trees are read instead).
   */
  changed: string[] | null
}

const FILE_VERSION = 1
const MAX_CHANGED = 500

/**
 * A commit-graph of Atelier's own, as git's commit-graph with changed-path
 * filters: for each commit seen, its tree, parents, time and the files it
 * changed. A page's history then walks it without inflating a commit or a
 * tree for each version — only the listed versions are read. A commit's
 * entry never goes stale (a commit id names its content), so the file is
 * valid whatever happens to branches; it only grows, by the commits a walk
 * meets that it did not have. Kept in `.git/atelier/history-index.json`;
 * unreadable or absent, it is built again (it is only a cache).
 */
export class HistoryIndex {
  private readonly commits = new Map<string, IndexedCommit>()
  private added = 0
  private readonly file: string

  constructor(
    private readonly gitdir: string,
    private readonly objects: ObjectStore,
  ) {
    this.file = path.join(gitdir, 'atelier', 'history-index.json')
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as {
        version: number
        commits: Record<string, IndexedCommit>
      }
      if (stored.version === FILE_VERSION) {
        for (const [oid, commit] of Object.entries(stored.commits)) this.commits.set(oid, commit)
      }
    } catch {
      // Absent or unreadable: built again as commits are met.
    }
  }

  commit(oid: string): IndexedCommit {
    const known = this.commits.get(oid)
    if (known) return known
    const data = readCommit(this.objects, this.gitdir, oid)
    const parent = data.parents.length === 1 ? data.parents[0]! : null
    const changed =
      parent === null
        ? null
        : changedFiles(
            (tree) => this.readTree(tree),
            readCommit(this.objects, this.gitdir, parent).tree,
            data.tree,
          )
    const entry: IndexedCommit = {
      tree: data.tree,
      parents: data.parents,
      time: data.committer.timestamp,
      changed,
    }
    this.commits.set(oid, entry)
    this.added++
    return entry
  }

  /** Writes the commits met since the file was read (a failure only loses the cache). */
  async save(): Promise<void> {
    if (this.added === 0) return
    this.added = 0
    try {
      mkdirSync(path.dirname(this.file), { recursive: true })
      const commits = Object.fromEntries(this.commits)
      await writeAtomically(this.file, JSON.stringify({ version: FILE_VERSION, commits }))
    } catch {
      // A read-only repository: the next walk computes again.
    }
  }

  /** Trees parsed lately: a folder's tree is compared with its parent's, then with its child's. */
  private readonly parsed = new Map<string, TreeItem[]>()

  private readTree(oid: string): TreeItem[] {
    const known = this.parsed.get(oid)
    if (known) return known
    if (this.parsed.size > 512) this.parsed.clear()
    const items = this.parseTree(oid)
    this.parsed.set(oid, items)
    return items
  }

  private parseTree(oid: string): TreeItem[] {
    const object = this.objects.read(oid)
    if (object.type !== 'tree')
      throw new GitDataError('corrupt-object', objectFile(this.gitdir, oid))
    return parseTree(object.content)
  }
}

/**
 * The files whose blob or mode differ between two trees (added and removed
 * ones included), reading only folders whose ids differ; null past `MAX_CHANGED`.
 */
function changedFiles(
  readTree: (oid: string) => TreeItem[],
  before: string,
  after: string,
): string[] | null {
  const changed: string[] = []
  const everything = (prefix: string, tree: string): void => {
    for (const item of readTree(tree)) {
      if (item.isTree) everything(`${prefix}${item.name}/`, item.oid)
      else changed.push(`${prefix}${item.name}`)
    }
  }
  const compare = (prefix: string, a: string | null, b: string | null): void => {
    if (a === b || changed.length > MAX_CHANGED) return
    const left = new Map((a === null ? [] : readTree(a)).map((item) => [item.name, item]))
    const right = new Map((b === null ? [] : readTree(b)).map((item) => [item.name, item]))
    for (const name of new Set([...left.keys(), ...right.keys()])) {
      const x = left.get(name)
      const y = right.get(name)
      if (x && y && x.oid === y.oid && x.mode === y.mode) continue
      const full = `${prefix}${name}`
      if (x && !x.isTree) changed.push(full)
      else if (y && !y.isTree) changed.push(full)
      // A file replaced by a folder (or the reverse) counts once as the file.
      if (x && !x.isTree && y && !y.isTree) continue
      const xTree = x?.isTree ? x.oid : null
      const yTree = y?.isTree ? y.oid : null
      if (xTree !== null || yTree !== null) {
        if (xTree === null) everything(`${full}/`, yTree!)
        else if (yTree === null) everything(`${full}/`, xTree)
        else compare(`${full}/`, xTree, yTree)
      }
    }
  }
  compare('', before, after)
  return changed.length > MAX_CHANGED ? null : changed
}
