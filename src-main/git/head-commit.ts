import fs from 'node:fs'
import git from 'isomorphic-git'
import type { RepositoryContext } from './repository-context.js'

/** The commit HEAD points to; null before the first version (an "unborn" branch). */
export async function headCommit(context: RepositoryContext): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, gitdir: context.gitdir, ref: 'HEAD' })
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return null
    throw error
  }
}

/** The branch HEAD names (even before its first version); null on a detached HEAD. */
export async function headBranch(context: RepositoryContext): Promise<string | null> {
  try {
    return (await git.currentBranch({ fs, gitdir: context.gitdir, fullname: false })) ?? null
  } catch {
    return null
  }
}
