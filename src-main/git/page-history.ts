import { GitDataError } from './git-data-error.js'
import { objectFile } from './object-errors.js'
import { findTreeEntry } from './parse-objects.js'
import type { RepositoryContext } from './repository-context.js'
import { HistoryIndex, type IndexedCommit } from './history-index.js'
import type { ObjectStore } from './object-store.js'
import { readCommit } from './tree-files.js'
import type { CommitEntry } from './walk-commits.js'

/**
 * The versions that changed one file, most recent first, exactly as `git log
 * -- <file>` lists them: newest commit date first; a commit is listed when the
 * file differs from its parent (from every parent, for a merge); at a merge
 * whose file is the same as one parent's, only that parent is followed (git's
 * history simplification: the other side's changes did not reach this
 * version). Only the folders on the file's path are read, each once, and in
 * each only the entry looked for (isomorphic-git's `log({ filepath })`
 * compares whole trees: 2.4 s for 1,000 versions here).
 */
export async function pageHistory(
  context: RepositoryContext,
  start: string,
  filepath: string,
  limit: number,
): Promise<CommitEntry[]> {
  const index = historyIndexOf(context)
  const blobAt = pathResolver(context, filepath)
  const seen = new Set<string>([start])
  const queue: { oid: string; commit: IndexedCommit }[] = [
    { oid: start, commit: index.commit(start) },
  ]
  const listed: string[] = []
  while (queue.length > 0 && listed.length < limit) {
    // The queue stays small (one entry per open side of history): a linear scan is enough.
    // Ties go to the first queued, as in git's date-ordered queue.
    let next = 0
    for (let i = 1; i < queue.length; i++) {
      if (queue[i]!.commit.time > queue[next]!.commit.time) next = i
    }
    const [entry] = queue.splice(next, 1)
    if (!entry) break
    const { parents, changed, tree } = entry.commit
    // The parent whose file is the same as this version's, if any.
    let same: string | undefined
    if (changed !== null) {
      same = changed.includes(filepath) ? undefined : parents[0]
    } else {
      const mine = blobAt(tree)
      same = parents.find((parent) => blobAt(index.commit(parent).tree) === mine)
    }
    if (parents.length === 0 ? blobAt(tree) !== null : same === undefined) listed.push(entry.oid)
    for (const parent of same !== undefined && parents.length > 1 ? [same] : parents) {
      if (seen.has(parent)) continue
      seen.add(parent)
      queue.push({ oid: parent, commit: index.commit(parent) })
    }
  }
  await index.save()
  return listed.map((oid) => ({
    oid,
    commit: readCommit(context.objects, context.gitdir, oid),
    parentTree: (parent) => index.commit(parent).tree,
  }))
}

/** One history index per open repository (the object store lives as long as it). */
const indexes = new WeakMap<ObjectStore, HistoryIndex>()

function historyIndexOf(context: RepositoryContext): HistoryIndex {
  let index = indexes.get(context.objects)
  if (!index) {
    index = new HistoryIndex(context.gitdir, context.objects)
    indexes.set(context.objects, index)
  }
  return index
}

/**
 * The file's mode and blob in a root tree (null: absent, or a folder there). Each
 * level remembers, by tree id, what it found: consecutive versions share
 * most folders on the path, so each distinct folder is read once.
 */
function pathResolver(context: RepositoryContext, filepath: string) {
  const names = filepath.split('/').map((name) => Buffer.from(name, 'utf8'))
  const levels = names.map(() => new Map<string, string | null>())
  const step = (depth: number, treeOid: string): string | null => {
    const level = levels[depth]!
    const known = level.get(treeOid)
    if (known !== undefined) return known
    const object = context.objects.read(treeOid)
    if (object.type !== 'tree') {
      throw new GitDataError('corrupt-object', objectFile(context.gitdir, treeOid))
    }
    let entry
    try {
      entry = findTreeEntry(object.content, names[depth]!)
    } catch {
      throw new GitDataError('corrupt-object', objectFile(context.gitdir, treeOid))
    }
    const last = depth === names.length - 1
    let found: string | null = null
    if (entry && entry.isTree !== last) {
      found = last ? `${entry.mode.toString(8)} ${entry.oid}` : step(depth + 1, entry.oid)
    }
    if (level.size > 10_000) level.clear()
    level.set(treeOid, found)
    return found
  }
  return (rootTree: string) => step(0, rootTree)
}
