import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Author } from '../../src-shared/api/types.js'
import { existsNoFollow } from '../fs/not-found.js'
import { headCommit } from './head-commit.js'
import { withIndexLock } from './index-lock.js'
import { clearMergeState, readMergeState } from './merge-state.js'
import type { RepositoryContext } from './repository-context.js'
import type { StatusEntry } from './status-entry.js'

export interface CommitRequest {
  message: string
  author: Author
  /** Only these paths (relative); every changed file when absent. */
  paths?: readonly string[]
}

/**
 * "Enregistrer une version": stages the chosen changes (new and modified
 * files added, deleted ones removed) and records one commit. During a merge
 * whose conflicts are all resolved, the commit has both parents and ends the
 * merge. Refuses an empty version and unresolved conflicts.
 */
export async function commitChanges(
  context: RepositoryContext,
  status: readonly StatusEntry[],
  request: CommitRequest,
): Promise<string> {
  const message = request.message.trim()
  if (!message) throw new AtelierError('invalid-input', 'message')
  if (status.some((entry) => isConflict(entry))) throw new AtelierError('conflicts-remain')
  const wanted = request.paths ? new Set(request.paths) : null
  const chosen = status.filter(
    (entry) => !wanted || wanted.has(entry.path) || (entry.from && wanted.has(entry.from)),
  )
  const merge = await readMergeState(context.gitdir)
  const staged = status.some((entry) => entry.x !== ' ' && entry.x !== '?')
  if (chosen.length === 0 && !merge && !(wanted === null && staged)) {
    throw new AtelierError('nothing-to-commit')
  }

  return withIndexLock(context.gitdir, async () => {
    const { root, gitdir, cache } = context
    const toAdd: string[] = []
    const toRemove: string[] = []
    for (const entry of chosen) {
      // The work tree's side (y) says what to stage, as `git commit -a` does.
      // A blank y means the index already holds the file as it is on disk —
      // or git does not look at it there: outside the sparse checkout
      // (skip-worktree, absent on purpose) or assumed unchanged. Such an
      // entry is left as it is, never removed for being absent.
      if (entry.y === ' ') continue
      if (entry.y !== 'D' && (await existsInWorkTree(root, entry.path))) toAdd.push(entry.path)
      else if (entry.x !== '?') toRemove.push(entry.path)
    }
    for (const filepath of toRemove) {
      await git.remove({ fs: context.fs, dir: root, gitdir, filepath, cache })
    }
    if (toAdd.length > 0) {
      // `force`: the status already decided; a tracked file under an ignored folder must still go in.
      await git.add({ fs: context.fs, dir: root, gitdir, filepath: toAdd, cache, force: true })
    }
    const parent = await headCommit(context)
    const oid = await git.commit({
      fs: context.fs,
      dir: root,
      gitdir,
      cache,
      message,
      author: request.author,
      committer: request.author,
      ...(merge && parent ? { parent: [parent, merge.theirs] } : {}),
    })
    if (merge) await clearMergeState(gitdir)
    return oid
  })
}

function isConflict(entry: StatusEntry): boolean {
  const code = `${entry.x}${entry.y}`
  return entry.x === 'U' || entry.y === 'U' || code === 'AA' || code === 'DD'
}

function existsInWorkTree(root: string, file: string): Promise<boolean> {
  return existsNoFollow(path.join(root, file))
}
