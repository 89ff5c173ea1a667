import fs from 'node:fs'
import git from 'isomorphic-git'

/** The repository holding `dir` (it may be a sub-folder), or null when there is none. */
export async function findRepositoryRoot(dir: string): Promise<string | null> {
  try {
    return await git.findRoot({ fs, filepath: dir })
  } catch {
    return null
  }
}
