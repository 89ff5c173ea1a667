import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Author } from '../../src-shared/api/types.js'
import { existsNoFollow } from '../fs/not-found.js'
import { advanceHead, renderCommit } from './commit-object.js'
import { headCommit } from './head-commit.js'
import {
  compareIndexEntries,
  indexSignature,
  readIndexFile,
  type IndexEntry,
} from './index-file.js'
import { withIndexLock } from './index-lock.js'
import { clearMergeState, readMergeState } from './merge-state.js'
import type { RepositoryContext } from './repository-context.js'
import type { ObjectType } from './object-store.js'
import { stageFile } from './stage-file.js'
import type { StatusEntry } from './status-entry.js'
import type { KnownState } from './status-tracker.js'
import { readCommit, readTree } from './tree-files.js'
import { writeIndexFile } from './write-index.js'
import { objectId, writeObject } from './write-object.js'
import { writeTree } from './write-tree.js'

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
  /** HEAD's files and the index as the status just read them, spared reading again. */
  known?: KnownState,
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
    const { root, gitdir, objects } = context
    const toAdd: string[] = []
    const toRemove = new Set<string>()
    for (const entry of chosen) {
      // The work tree's side (y) says what to stage, as `git commit -a` does.
      // A blank y means the index already holds the file as it is on disk —
      // or git does not look at it there: outside the sparse checkout
      // (skip-worktree, absent on purpose) or assumed unchanged. Such an
      // entry is left as it is, never removed for being absent.
      if (entry.y === ' ') continue
      // A nested repository (`dir/`) is listed, never recorded, as by `git commit -a`.
      if (entry.path.endsWith('/')) continue
      if (entry.y !== 'D' && (await existsInWorkTree(root, entry.path))) toAdd.push(entry.path)
      else if (entry.x !== '?') toRemove.add(entry.path)
    }
    // Objects are written side by side (each flushed), all of them before the
    // branch moves: an interrupted version leaves the branch where it was.
    const writes: Promise<unknown>[] = []
    const store = (type: ObjectType, content: Buffer): string => {
      const oid = objectId(type, content)
      writes.push(writeObject(gitdir, objects, type, content))
      return oid
    }
    const staged = await Promise.all(
      toAdd.map((file) => stageFile(root, file, (content) => store('blob', content))),
    )
    const replaced = new Set([...toRemove, ...toAdd])
    // The status's copy of the index, unless the file changed since (checked under the lock).
    const index =
      known?.index.signature === indexSignature(path.join(gitdir, 'index'))
        ? known.index
        : readIndexFile(gitdir, (oid) => context.trees.filesOfTreeNow(oid))
    // The index is sorted already: the few staged entries are put in their places.
    const entries = index.entries.filter((entry) => !replaced.has(entry.path))
    for (const entry of staged) entries.splice(sortedPosition(entries, entry), 0, entry)

    const parent = await headCommit(context)
    const head =
      parent === null
        ? null
        : {
            tree: readCommit(objects, gitdir, parent).tree,
            files: known?.oid === parent ? known.files : await context.trees.filesOfCommit(parent),
          }
    const recorded = entries.filter((entry) => entry.stage === 0 && !entry.intentToAdd)
    const { oid: tree, cacheTree } = await writeTree(
      recorded,
      head,
      {
        readTree: (oid) => readTree(objects, gitdir, oid),
        write: async (type, content) => store(type, content),
      },
      index.cacheTree,
    )
    // The cache-tree counts every entry of a folder: kept only when all of them are in the tree.
    writes.push(
      writeIndexFile(gitdir, root, entries, recorded.length === entries.length ? cacheTree : null),
    )
    const parents = parent === null ? [] : merge ? [parent, merge.theirs] : [parent]
    const commit = store('commit', renderCommit({ tree, parents, author: request.author, message }))
    await Promise.all(writes)
    await advanceHead(gitdir, commit)
    if (merge) await clearMergeState(gitdir)
    return commit
  })
}

/** Where `entry` goes in the sorted `entries` (binary search in git's order). */
function sortedPosition(entries: readonly IndexEntry[], entry: IndexEntry): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareIndexEntries(entries[middle]!, entry) < 0) low = middle + 1
    else high = middle
  }
  return low
}

function isConflict(entry: StatusEntry): boolean {
  const code = `${entry.x}${entry.y}`
  return entry.x === 'U' || entry.y === 'U' || code === 'AA' || code === 'DD'
}

function existsInWorkTree(root: string, file: string): Promise<boolean> {
  return existsNoFollow(path.join(root, file))
}
