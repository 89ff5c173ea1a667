import fs from 'node:fs'
import git from 'isomorphic-git'
import { asGitDataError } from './object-errors.js'

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
    /** isomorphic-git's object cache, shared with the other commands of this repository. */
    private readonly cache: object,
  ) {}

  async filesOfCommit(commitOid: string | null): Promise<Map<string, TreeFile>> {
    if (commitOid === null) return new Map()
    const { commit } = await this.guard(commitOid, () =>
      git.readCommit({ fs, gitdir: this.gitdir, oid: commitOid, cache: this.cache }),
    )
    return this.filesOfTree(commit.tree)
  }

  async filesOfTree(treeOid: string): Promise<Map<string, TreeFile>> {
    const known = this.trees.get(treeOid)
    if (known) return known
    const { tree } = await this.guard(treeOid, () =>
      git.readTree({ fs, gitdir: this.gitdir, oid: treeOid, cache: this.cache }),
    )
    const files = new Map<string, TreeFile>()
    for (const entry of tree) {
      if (entry.type === 'tree') {
        for (const [inner, file] of await this.filesOfTree(entry.oid)) {
          files.set(`${entry.path}/${inner}`, file)
        }
      } else {
        files.set(entry.path, { oid: entry.oid, mode: parseInt(entry.mode, 8) })
      }
    }
    // Bounded: a long history walk must not keep every tree it ever saw.
    if (this.trees.size > 5000) this.trees.clear()
    this.trees.set(treeOid, files)
    return files
  }

  private async guard<T>(oid: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read()
    } catch (error) {
      throw asGitDataError(error, this.gitdir, oid)
    }
  }
}
