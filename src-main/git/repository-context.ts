import type { GitFs } from './git-fs.js'
import type { ObjectStore } from './object-store.js'
import type { TreeReader } from './tree-files.js'

/** What every command needs to find and read one repository. */
export interface RepositoryContext {
  /** The work tree's root folder. */
  root: string
  /** Its `.git` folder. */
  gitdir: string
  /** isomorphic-git's object cache (parsed pack indexes), shared by all commands. */
  cache: object
  /** The atomic file system isomorphic-git writes through (see `git-fs.ts`). */
  fs: GitFs
  /** Reads objects for status and history without loading whole packs. */
  objects: ObjectStore
  trees: TreeReader
}
