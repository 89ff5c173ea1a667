import type { CommitData } from './parse-objects.js'
import type { RepositoryContext } from './repository-context.js'
import { readCommit } from './tree-files.js'

/** Past this many versions a side branch is not walked further (a whole history is not a contribution). */
export const CONTRIBUTION_MAX_COMMITS = 10_000

const FROM_TIP = 1
const FROM_MAIN = 2
const STALE = 4

/**
 * One walk, as git's merge-base does (`paint_down_to_common`): from the tip
 * and the main line's tip at once, newest first, marking which side reaches
 * each version, until only versions both reach are left. The first version
 * both reach is the base; those only the tip reaches are the contribution's
 * own (`main..tip`). Proportional to the contribution and to what the main
 * line did since, not to the whole history (isomorphic-git's findMergeBase
 * and isDescendent read the whole history: seconds on a large guide).
 */
export function paintHistory(
  context: RepositoryContext,
  tip: string,
  mainTip: string | null,
): { base: string | null; commits: { oid: string; data: CommitData }[] } {
  const read = (oid: string) => readCommit(context.objects, context.gitdir, oid)
  const flags = new Map<string, number>()
  const data = new Map<string, CommitData>()
  const queue: string[] = []
  const mark = (oid: string, flag: number) => {
    const before = flags.get(oid) ?? 0
    if ((before & flag) === flag) return
    flags.set(oid, before | flag)
    if (!data.has(oid)) data.set(oid, read(oid))
    queue.push(oid)
  }
  mark(tip, FROM_TIP)
  if (mainTip !== null) mark(mainTip, FROM_MAIN)
  const bases: string[] = []
  const own: string[] = []
  const owned = new Set<string>()
  const time = (oid: string) => data.get(oid)!.committer.timestamp
  let lastTime = Infinity
  let ties = false
  while (queue.some((oid) => !(flags.get(oid)! & STALE))) {
    if (own.length >= CONTRIBUTION_MAX_COMMITS) break
    // The queue holds one entry per open line of history: a linear scan is enough.
    let next = 0
    for (let i = 1; i < queue.length; i++) if (time(queue[i]!) > time(queue[next]!)) next = i
    const oid = queue.splice(next, 1)[0]!
    // Versions of the same second (or a clock set back) make date order unreliable.
    if (time(oid) >= lastTime) ties = true
    lastTime = time(oid)
    let flag = flags.get(oid)!
    if ((flag & (FROM_TIP | FROM_MAIN)) === (FROM_TIP | FROM_MAIN)) {
      if (!(flag & STALE)) bases.push(oid)
      flag |= STALE
      flags.set(oid, flag)
    } else if (flag === FROM_TIP && !owned.has(oid)) {
      owned.add(oid)
      own.push(oid)
    }
    for (const parent of data.get(oid)!.parents) mark(parent, flag)
  }
  if (ties && mainTip !== null) return exactHistory(read, tip, mainTip)
  return {
    base: bases[0] ?? null,
    commits: own
      .filter((oid) => flags.get(oid) === FROM_TIP)
      .map((oid) => ({ oid, data: data.get(oid)! })),
  }
}

/**
 * The same answer without trusting dates: everything the main line reaches,
 * then the tip's versions outside it; the base is the newest common version
 * that no other common version on the frontier descends from. Reads the
 * main line's whole history, so only used when dates tie.
 */
function exactHistory(
  read: (oid: string) => CommitData,
  tip: string,
  mainTip: string,
): { base: string | null; commits: { oid: string; data: CommitData }[] } {
  const ancestors = (start: string[], stopAt?: Set<string>) => {
    const seen = new Set<string>()
    const pending = [...start]
    while (pending.length > 0) {
      const oid = pending.pop()!
      if (seen.has(oid) || stopAt?.has(oid)) continue
      seen.add(oid)
      pending.push(...read(oid).parents)
    }
    return seen
  }
  const onMain = ancestors([mainTip])
  const commits: { oid: string; data: CommitData }[] = []
  const frontier = new Set<string>()
  const seen = new Set<string>()
  const pending = [tip]
  while (pending.length > 0 && commits.length < CONTRIBUTION_MAX_COMMITS) {
    const oid = pending.pop()!
    if (seen.has(oid)) continue
    seen.add(oid)
    if (onMain.has(oid)) {
      frontier.add(oid)
      continue
    }
    const data = read(oid)
    commits.push({ oid, data })
    pending.push(...data.parents)
  }
  // A frontier version another one descends from is not a best base.
  const below = ancestors([...frontier].flatMap((oid) => read(oid).parents))
  const best = [...frontier].filter((oid) => !below.has(oid))
  best.sort((a, b) => read(b).committer.timestamp - read(a).committer.timestamp)
  commits.sort((a, b) => b.data.committer.timestamp - a.data.committer.timestamp)
  return { base: best[0] ?? null, commits }
}
