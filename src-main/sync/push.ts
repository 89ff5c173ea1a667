import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Repository } from '../git/repository.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { RECEIVED_BRANCH_PREFIX, REVIEW_NOTES_REF } from '../git/review-refs.js'
import { REMOTE, remoteUrl } from './fetch-remote.js'
import { toNetworkError } from './network-errors.js'
import { remoteArguments, type RemoteOptions } from './remote-options.js'
import { advertisedRefs, sendPack, type RefUpdate } from './send-pack.js'

export interface PushRequest extends RemoteOptions {
  /** Only this line (and the review notes); default: the main line and every own contribution. */
  branch?: string
}

export interface PushReport {
  /** Full ref names sent, each with the version the host now has. */
  pushed: Record<string, string>
  /** Refs the host already had at the same version. */
  unchanged: string[]
  bytesSent: number
}

/**
 * « Publier »: sends the lines and the review notes (`refs/notes/atelier`,
 * where comments and decisions live) to `origin`. The host's refs are read
 * first: when one of them has versions this copy lacks, nothing is sent and
 * the user is told to receive first. Never forced.
 */
export async function push(repository: Repository, request: PushRequest): Promise<PushReport> {
  return repository.run((context) => pushRefs(context, request))
}

async function pushRefs(context: RepositoryContext, request: PushRequest): Promise<PushReport> {
  const url = await remoteUrl(context)
  const remote = remoteArguments(request)
  const local = await localRefs(context, request.branch)
  try {
    const advertisement = await advertisedRefs(remote.http, url, request.credentials)
    const updates: RefUpdate[] = []
    const unchanged: string[] = []
    for (const [ref, oid] of local) {
      const theirs = advertisement.refs.get(ref)
      if (theirs === oid) unchanged.push(ref)
      else if (theirs === undefined || (await contains(context, oid, theirs)))
        updates.push({ ref, old: theirs ?? null, new: oid })
      else throw new AtelierError('push-diverged', ref)
    }
    // The pack is thin against every version of the host's this copy holds.
    const has = [...new Set(advertisement.refs.values())].filter((oid) =>
      isCommitHere(context, oid),
    )
    await sendPack(context, remote.http, advertisement, updates, has)
    // The host now has these: its remote-tracking refs say so, as after git's own push.
    for (const update of updates) {
      if (!update.ref.startsWith('refs/heads/')) continue
      await git.writeRef({
        fs: context.fs,
        gitdir: context.gitdir,
        ref: `refs/remotes/${REMOTE}/${update.ref.slice('refs/heads/'.length)}`,
        value: update.new,
        force: true,
      })
    }
    const pushed = Object.fromEntries(updates.map((update) => [update.ref, update.new]))
    return { pushed, unchanged, bytesSent: remote.http.bytes.sent }
  } catch (error) {
    throw toNetworkError(error)
  }
}

/** The refs to publish: full name → version. */
async function localRefs(
  context: RepositoryContext,
  branch: string | undefined,
): Promise<Map<string, string>> {
  const { fs, gitdir } = context
  const names = branch
    ? [branch]
    : (await git.listBranches({ fs, gitdir })).filter(
        (name) => !name.startsWith(RECEIVED_BRANCH_PREFIX),
      )
  const refs = new Map<string, string>()
  for (const name of names) {
    try {
      refs.set(
        `refs/heads/${name}`,
        await git.resolveRef({ fs, gitdir, ref: `refs/heads/${name}` }),
      )
    } catch {
      throw new AtelierError('contribution-not-found', name)
    }
  }
  try {
    refs.set(REVIEW_NOTES_REF, await git.resolveRef({ fs, gitdir, ref: REVIEW_NOTES_REF }))
  } catch {
    // No review notes yet: nothing to publish for them.
  }
  return refs
}

/** True when `ancestor` is in `oid`'s history (false when this copy does not even have it). */
async function contains(
  context: RepositoryContext,
  oid: string,
  ancestor: string,
): Promise<boolean> {
  try {
    return await git.isDescendent({
      fs: context.fs,
      gitdir: context.gitdir,
      oid,
      ancestor,
      depth: -1,
    })
  } catch {
    return false
  }
}

/** True when this copy holds `oid` as a commit (a host's tag or a version never received is not). */
function isCommitHere(context: RepositoryContext, oid: string): boolean {
  try {
    return context.objects.has(oid) && context.objects.read(oid).type === 'commit'
  } catch {
    return false
  }
}
