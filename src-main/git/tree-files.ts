import type { ObjectStore } from './object-store.js'
import { parseCommit, parseTree } from './parse-objects.js'
import { GitDataError } from './git-data-error.js'
import { objectFile } from './object-errors.js'

/** A file recorded in a version: its blob and git mode. */
export interface TreeFile {
  oid: string
  mode: number
}

/**
 * Every file of a commit's tree, by path. Sub-trees are cached by id, so the
 * next version (which shares most folders) costs only the folders that changed.
 */
export class TreeReader {
  private readonly trees = new Map<string, Map<string, TreeFile>>()

  constructor(
    private readonly gitdir: string,
    private readonly objects: ObjectStore,
  ) {}

  async filesOfCommit(commitOid: string | null): Promise<Map<string, TreeFile>> {
    if (commitOid === null) return new Map()
    return this.filesOfTree(readCommit(this.objects, this.gitdir, commitOid).tree)
  }

  async filesOfTree(treeOid: string): Promise<Map<string, TreeFile>> {
    return this.filesOfTreeNow(treeOid)
  }

  /** The same, synchronously: for expanding a sparse index's folders while reading it. */
  filesOfTreeNow(treeOid: string): Map<string, TreeFile> {
    const known = this.trees.get(treeOid)
    if (known) return known
    const files = new Map<string, TreeFile>()
    for (const entry of readTree(this.objects, this.gitdir, treeOid)) {
      if (entry.isTree) {
        for (const [inner, file] of this.filesOfTreeNow(entry.oid)) {
          files.set(`${entry.name}/${inner}`, file)
        }
      } else {
        files.set(entry.name, { oid: entry.oid, mode: entry.mode })
      }
    }
    // Bounded: a long history walk must not keep every tree it ever saw.
    if (this.trees.size > 2000) this.trees.clear()
    this.trees.set(treeOid, files)
    return files
  }
}

/** A commit, parsed; a `GitDataError` naming the object when it is not one. */
export function readCommit(objects: ObjectStore, gitdir: string, oid: string) {
  const object = objects.read(oid)
  if (object.type !== 'commit') throw new GitDataError('corrupt-object', objectFile(gitdir, oid))
  try {
    return parseCommit(object.content)
  } catch {
    throw new GitDataError('corrupt-object', objectFile(gitdir, oid))
  }
}

export function readTree(objects: ObjectStore, gitdir: string, oid: string) {
  const object = objects.read(oid)
  if (object.type !== 'tree') throw new GitDataError('corrupt-object', objectFile(gitdir, oid))
  try {
    return parseTree(object.content)
  } catch {
    throw new GitDataError('corrupt-object', objectFile(gitdir, oid))
  }
}
