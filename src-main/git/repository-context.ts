import type { TreeReader } from './tree-files.js'

/** What every command needs to find and read one repository. */
export interface RepositoryContext {
  /** The work tree's root folder. */
  root: string
  /** Its `.git` folder. */
  gitdir: string
  /** isomorphic-git's object cache (parsed pack indexes), shared by all commands. */
  cache: object
  trees: TreeReader
}
