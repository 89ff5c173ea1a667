import fs from 'node:fs'
import git from 'isomorphic-git'
import { findRepositoryRoot } from './find-repository-root.js'

/** Short name of the checked-out branch; null outside a repository or on a detached HEAD. */
export async function currentBranch(dir: string): Promise<string | null> {
  const root = await findRepositoryRoot(dir)
  if (root === null) return null
  try {
    return (await git.currentBranch({ fs, dir: root, fullname: false })) ?? null
  } catch {
    return null
  }
}
