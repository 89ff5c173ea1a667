import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Author, MergeOutcome } from '../../src-shared/api/types.js'
import { existsNoFollow } from '../fs/not-found.js'
import { requireContribution } from './contributions.js'
import { headBranch, headCommit } from './head-commit.js'
import { withIndexLock } from './index-lock.js'
import { readMergeState, writeMergeState } from './merge-state.js'
import { mergeBases } from './merge-bases.js'
import { moveWorkTree } from './move-work-tree.js'
import type { RepositoryContext } from './repository-context.js'
import type { StatusEntry } from './status-entry.js'
import { readCommit } from './tree-files.js'

/**
 * Brings another contribution's versions into the current one: a
 * fast-forward when the current one has nothing new, else a three-way merge
 * recorded as a version with two parents. Conflicting pages get git's
 * markers in the work tree and the three stages in the index, with
 * `MERGE_HEAD` written, exactly as native git leaves a conflicted merge; the
 * user then resolves each page (see `resolve-conflict.ts`) and saves a version.
 */
export async function mergeContribution(
  context: RepositoryContext,
  status: () => Promise<StatusEntry[]>,
  name: string,
  author: Author,
): Promise<MergeOutcome> {
  const theirs = await requireContribution(context, name)
  const ours = await headBranch(context)
  if (ours === null) throw new AtelierError('unsupported', 'detached HEAD')
  if (ours === name) throw new AtelierError('contribution-current', name)
  const message = `Fusion de la contribution « ${name} » dans « ${ours} »`
  return mergeVersion(context, status, { ours, theirs, ref: name, message }, author)
}

/**
 * The merge itself, for any line `ref` whose last version is `theirs` (a
 * contribution, or the host's line after « Recevoir les nouveautés »):
 * refused while a merge waits or a page is not saved.
 */
export async function mergeVersion(
  context: RepositoryContext,
  status: () => Promise<StatusEntry[]>,
  target: { ours: string; theirs: string; ref: string; message: string },
  author: Author,
): Promise<MergeOutcome> {
  const { ours, theirs, message } = target
  if (await readMergeState(context.gitdir)) throw new AtelierError('merge-in-progress')
  const before = await status()
  const pending = before.filter((entry) => entry.x !== '?')
  if (pending.length > 0) {
    throw new AtelierError('unsaved-changes', pending.map((entry) => entry.path).join(', '))
  }
  const untrackedBefore = new Set(before.map((entry) => entry.path))
  const { root: dir, gitdir, cache } = context

  return withIndexLock(gitdir, async () => {
    const head = await headCommit(context)
    // Most receives and many approvals need no merge at all: said from our own object store,
    // where isomorphic-git's merge first walks both histories through whole packs.
    const shortcut = head === null ? null : lineRelation(context, head, theirs)
    if (shortcut === 'already-merged') return { kind: 'already-merged' }
    if (shortcut === 'fast-forward' && head !== null) {
      await git.writeRef({
        fs: context.fs,
        gitdir,
        ref: `refs/heads/${ours}`,
        value: theirs,
        force: true,
      })
      await bringWorkTree(context, ours, head, theirs)
      return { kind: 'fast-forward', oid: theirs }
    }
    try {
      const result = await git.merge({
        fs: context.fs,
        dir,
        gitdir,
        cache,
        ours,
        theirs: target.ref,
        author,
        committer: author,
        message,
        abortOnConflict: false,
      })
      if (result.alreadyMerged) return { kind: 'already-merged' }
      const oid = result.oid ?? theirs
      // isomorphic-git moved the branch; the work tree and index follow.
      await bringWorkTree(context, ours, head, oid)
      return result.fastForward ? { kind: 'fast-forward', oid } : { kind: 'merged', oid }
    } catch (error) {
      const err = error as { code?: string; data?: { filepaths?: string[] } }
      if (err.code !== 'MergeConflictError') throw error
      const conflicts = err.data?.filepaths ?? []
      // The cleanly merged files were written to the work tree but not staged:
      // stage them so only the conflicts remain, as git does.
      const after = await status()
      const conflicted = new Set(conflicts)
      for (const entry of after) {
        if (conflicted.has(entry.path) || untrackedBefore.has(entry.path)) continue
        if (await existsNoFollow(path.join(dir, entry.path))) {
          await git.add({ fs: context.fs, dir, gitdir, cache, filepath: entry.path, force: true })
        } else {
          await git.remove({ fs: context.fs, dir, gitdir, cache, filepath: entry.path })
        }
      }
      await writeMergeState(gitdir, { theirs, message })
      return { kind: 'conflicts', conflicts }
    }
  })
}

/**
 * Brings a clean work tree and the index from `from` to the branch's new version `to`: only
 * the files that differ, or (when that cannot be sure) a full checkout.
 */
async function bringWorkTree(
  context: RepositoryContext,
  branch: string,
  from: string | null,
  to: string,
): Promise<void> {
  const { root: dir, gitdir, cache, objects } = context
  const moved =
    from !== null &&
    (await moveWorkTree(
      context,
      readCommit(objects, gitdir, from).tree,
      readCommit(objects, gitdir, to).tree,
    ))
  if (!moved) await git.checkout({ fs: context.fs, dir, gitdir, cache, ref: branch, force: true })
}

/**
 * How `theirs` stands to the current version: already in its history, a descendant of it
 * (a fast-forward), or a line of its own (null: a real merge). Null too when the history
 * cannot be walked here (a light copy's missing parents): isomorphic-git's merge decides.
 */
function lineRelation(
  context: RepositoryContext,
  head: string,
  theirs: string,
): 'already-merged' | 'fast-forward' | null {
  let bases: string[]
  try {
    bases = mergeBases(context, head, theirs)
  } catch {
    return null
  }
  if (bases.includes(theirs)) return 'already-merged'
  if (bases.includes(head)) return 'fast-forward'
  return null
}
