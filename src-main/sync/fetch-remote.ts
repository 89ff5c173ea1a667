import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { RepositoryContext } from '../git/repository-context.js'
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
 * (the user's own lines are not touched). isomorphic-git moves the refs only
 * once the whole pack is written; a transfer cut before that may leave a pack
 * file: it is removed, so the repository is exactly as it was and a retry starts clean.
 */
export async function fetchRemote(
  context: RepositoryContext,
  options: RemoteOptions,
): Promise<FetchReport> {
  const { gitdir, root: dir, cache } = context
  const url = await remoteUrl(context)
  const remote = remoteArguments(options)
  const packs = path.join(gitdir, 'objects', 'pack')
  const packsBefore = new Set(await listOrEmpty(packs))
  const shallowBefore = await readOrNull(path.join(gitdir, 'shallow'))
  try {
    await git.fetch({
      fs: context.fs,
      dir,
      gitdir,
      cache,
      remote: REMOTE,
      url,
      ...remote,
      tags: false,
    })
  } catch (error) {
    for (const file of await listOrEmpty(packs)) {
      if (!packsBefore.has(file)) await rm(path.join(packs, file), { force: true })
    }
    const shallowFile = path.join(gitdir, 'shallow')
    if (shallowBefore === null) await rm(shallowFile, { force: true })
    else await writeFile(shallowFile, shallowBefore)
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

async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch {
    return null
  }
}
