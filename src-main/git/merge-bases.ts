import type { RepositoryContext } from './repository-context.js'
import { readCommit } from './tree-files.js'

const ONE = 1
const TWO = 2
const STALE = 4

/**
 * `git merge-base --all one two`, read through the object store: isomorphic-git's
 * `findMergeBase` loads whole packfiles into memory, which a large guide cannot
 * afford. Git's walk: newest commit first, each marked with the sides that reach
 * it; a commit both sides reach is a candidate, and what lies below it is stale.
 */
export function mergeBases(context: RepositoryContext, one: string, two: string): string[] {
  if (one === two) return [one]
  const flags = new Map<string, number>()
  const dates = new Map<string, number>()
  const parents = new Map<string, string[]>()
  const load = (oid: string): void => {
    if (dates.has(oid)) return
    const commit = readCommit(context.objects, context.gitdir, oid)
    dates.set(oid, commit.committer.timestamp)
    parents.set(oid, commit.parents)
  }
  const queue: string[] = []
  const push = (oid: string, mark: number): void => {
    load(oid)
    flags.set(oid, (flags.get(oid) ?? 0) | mark)
    if (!queue.includes(oid)) queue.push(oid)
  }
  push(one, ONE)
  push(two, TWO)
  const candidates: string[] = []
  while (queue.some((oid) => !((flags.get(oid) ?? 0) & STALE))) {
    let newest = 0
    for (let i = 1; i < queue.length; i++) {
      if (dates.get(queue[i]!)! > dates.get(queue[newest]!)!) newest = i
    }
    const oid = queue.splice(newest, 1)[0]!
    let mark = flags.get(oid)! & (ONE | TWO | STALE)
    if ((mark & (ONE | TWO)) === (ONE | TWO) && !(mark & STALE)) {
      candidates.push(oid)
      mark |= STALE
      flags.set(oid, flags.get(oid)! | STALE)
    }
    for (const parent of parents.get(oid)!) {
      if (((flags.get(parent) ?? 0) & mark) === mark) continue
      push(parent, mark)
    }
  }
  // A candidate reached from another candidate is not a best common ancestor.
  return candidates.filter(
    (candidate) => !candidates.some((other) => other !== candidate && reaches(other, candidate)),
  )

  function reaches(from: string, to: string): boolean {
    const seen = new Set<string>()
    const pending = [from]
    const floor = dates.get(to) ?? 0
    while (pending.length > 0) {
      const oid = pending.pop()!
      if (oid === to) return true
      if (seen.has(oid)) continue
      seen.add(oid)
      load(oid)
      // Clock skew aside, an ancestor is not newer than its descendants: stop well below.
      if (dates.get(oid)! < floor - 86_400) continue
      pending.push(...parents.get(oid)!)
    }
    return false
  }
}
