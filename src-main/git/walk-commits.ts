import type { CommitData } from './parse-objects.js'
import type { RepositoryContext } from './repository-context.js'
import { readCommit } from './tree-files.js'

export interface CommitEntry {
  oid: string
  commit: CommitData
  /** The tree of one of this commit's parents. */
  parentTree(parent: string): string
}

/**
 * Every commit reachable from `start`, most recent first (by committer date,
 * as `git log` orders them by default), each once.
 */
export async function* walkCommits(
  context: RepositoryContext,
  start: string,
): AsyncGenerator<CommitEntry> {
  const read = (oid: string) => readCommit(context.objects, context.gitdir, oid)
  const seen = new Set<string>([start])
  const queue: { oid: string; commit: CommitData }[] = [{ oid: start, commit: read(start) }]
  while (queue.length > 0) {
    // The queue stays small (one entry per open branch of history): a linear scan is enough.
    let next = 0
    for (let i = 1; i < queue.length; i++) {
      if (queue[i]!.commit.committer.timestamp > queue[next]!.commit.committer.timestamp) next = i
    }
    const [entry] = queue.splice(next, 1)
    if (!entry) break
    const parentCommits = new Map<string, CommitData>()
    for (const parent of entry.commit.parents) {
      const commit = read(parent)
      parentCommits.set(parent, commit)
      if (!seen.has(parent)) {
        seen.add(parent)
        queue.push({ oid: parent, commit })
      }
    }
    yield {
      ...entry,
      parentTree: (parent) => parentCommits.get(parent)?.tree ?? read(parent).tree,
    }
  }
}
