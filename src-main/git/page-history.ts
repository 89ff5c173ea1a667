import { GitDataError } from './git-data-error.js'
import { objectFile } from './object-errors.js'
import { findTreeEntry } from './parse-objects.js'
import type { RepositoryContext } from './repository-context.js'
import type { CommitData } from './parse-objects.js'
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
  const blobAt = pathResolver(context, filepath)
  const read = (oid: string) => readCommit(context.objects, context.gitdir, oid)
  const seen = new Set<string>([start])
  const queue: { oid: string; commit: CommitData }[] = [{ oid: start, commit: read(start) }]
  const result: CommitEntry[] = []
  while (queue.length > 0 && result.length < limit) {
    // The queue stays small (one entry per open side of history): a linear scan is enough.
    // Ties go to the first queued, as in git's date-ordered queue.
    let next = 0
    for (let i = 1; i < queue.length; i++) {
      if (queue[i]!.commit.committer.timestamp > queue[next]!.commit.committer.timestamp) next = i
    }
    const [entry] = queue.splice(next, 1)
    if (!entry) break
    const mine = blobAt(entry.commit.tree)
    const parents = entry.commit.parents.map((oid) => ({ oid, commit: read(oid) }))
    const same = parents.find((parent) => blobAt(parent.commit.tree) === mine)
    const followed = same && parents.length > 1 ? [same] : parents
    if (parents.length === 0 ? mine !== null : !same) {
      result.push({ ...entry, parentTree: (oid) => read(oid).tree })
    }
    for (const parent of followed) {
      if (seen.has(parent.oid)) continue
      seen.add(parent.oid)
      queue.push(parent)
    }
  }
  return result
}

/**
 * The file's blob in a root tree (null: absent, or a folder there). Each
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
    if (entry && entry.isTree !== last) found = last ? entry.oid : step(depth + 1, entry.oid)
    if (level.size > 10_000) level.clear()
    level.set(treeOid, found)
    return found
  }
  return (rootTree: string) => step(0, rootTree)
}
