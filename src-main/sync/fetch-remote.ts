import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { fetchPack } from './fetch-pack.js'
import { takeFetchSnapshot } from './fetch-snapshot.js'
import { toNetworkError } from './network-errors.js'
import { remoteArguments, type RemoteOptions } from './remote-options.js'

export const REMOTE = 'origin'

export interface FetchReport {
  /** The host's version of each of its branches, by name. */
  branches: Record<string, string>
  bytesReceived: number
}

/**
 * Receives what the host has that this copy lacks, into `refs/remotes/origin/*`
 * (the user's own lines are not touched). A transfer that fails puts back what
 * it had written (`fetch-snapshot.ts`): the repository is exactly as it was and a retry starts clean.
 */
export async function fetchRemote(
  context: RepositoryContext,
  options: RemoteOptions & {
    /** Deepens a light copy: its history down to this many versions from each line's tip. */
    depth?: number
  },
): Promise<FetchReport> {
  const { gitdir, root: dir, cache } = context
  const url = await remoteUrl(context)
  const remote = remoteArguments(options)
  const snapshot = await takeFetchSnapshot(gitdir, REMOTE)
  try {
    // Our own fetch (one thin pack, checked before anything is written), unless the light copy
    // is being deepened or the host lacks what it needs: then isomorphic-git's.
    const branches = options.depth
      ? null
      : await fetchPack(context, remote.http, url, REMOTE, options.credentials)
    if (branches) return { branches, bytesReceived: remote.http.bytes.received }
    await git.fetch({
      fs: context.fs,
      dir,
      gitdir,
      cache,
      remote: REMOTE,
      url,
      ...remote,
      tags: false,
      ...(options.depth ? { depth: options.depth } : {}),
    })
  } catch (error) {
    await snapshot.restore()
    throw toNetworkError(error)
  }
  const branches: Record<string, string> = {}
  for (const name of await git.listBranches({ fs: context.fs, gitdir, remote: REMOTE })) {
    if (name === 'HEAD') continue
    branches[name] = await git.resolveRef({
      fs: context.fs,
      gitdir,
      ref: `refs/remotes/${REMOTE}/${name}`,
    })
  }
  return { branches, bytesReceived: remote.http.bytes.received }
}

/** `origin`'s URL, as the clone wrote it (never with credentials). */
export async function remoteUrl(context: RepositoryContext): Promise<string> {
  const url = await git.getConfig({
    fs: context.fs,
    gitdir: context.gitdir,
    path: `remote.${REMOTE}.url`,
  })
  if (typeof url !== 'string' || url === '') throw new AtelierError('remote-missing')
  return url
}
