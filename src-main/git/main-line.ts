import fs from 'node:fs'
import git from 'isomorphic-git'
import type { RepositoryContext } from './repository-context.js'

/**
 * The guide's main line: the branch contributions start from and are
 * integrated into. `main` when it exists, else `master` (older guides), else
 * the branch HEAD names. Received files may never move it.
 */
export async function mainLine(context: Pick<RepositoryContext, 'gitdir'>): Promise<string> {
  const branches = await git.listBranches({ fs, gitdir: context.gitdir })
  for (const name of ['main', 'master']) if (branches.includes(name)) return name
  const current = await git.currentBranch({ fs, gitdir: context.gitdir, fullname: false })
  return current ?? 'main'
}
