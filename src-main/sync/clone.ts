import fs from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { emptyFolder } from '../fs/empty-folder.js'
import { firstOf, MemoryCredentials, splitUrlCredentials } from './credentials.js'
import { clonePack } from './clone-pack.js'
import { toNetworkError } from './network-errors.js'
import { TransferError } from './transport.js'
import { remoteArguments, type RemoteOptions } from './remote-options.js'

export interface CloneRequest extends RemoteOptions {
  url: string
  /** A new or empty folder. */
  dir: string
  /** 1: a light copy (only the last version), deepened later on demand. */
  depth?: number
}

export interface CloneReport {
  branch: string | null
  head: string
  bytesReceived: number
}

/**
 * « Ouvrir un guide en ligne… »: a copy of the repository at `url` in `dir`,
 * `origin` set to the URL without any credentials. A failure leaves no
 * half-copied folder behind: what the clone created is removed.
 */
export async function cloneRepository(request: CloneRequest): Promise<CloneReport> {
  const { url, credentials: typed } = splitUrlCredentials(request.url)
  checkHostUrl(url)
  const memory = new MemoryCredentials()
  if (typed) memory.set(url, typed)
  const credentials = firstOf(memory, request.credentials)
  const remote = remoteArguments({ ...request, credentials })
  const created = await prepareTarget(request.dir)
  try {
    const done =
      (await clonePack(request.dir, url, remote.http, credentials, request)) ??
      (await cloneWithIsomorphicGit(request, url, remote))
    if (request.signal?.aborted) throw new TransferError('cancelled')
    return { ...done, bytesReceived: remote.http.bytes.received }
  } catch (error) {
    if (created === 'folder') await rm(request.dir, { recursive: true, force: true })
    else await emptyFolder(request.dir)
    throw toNetworkError(error)
  }
}

/** A host our own clone cannot serve (git before 1.6, no default branch): isomorphic-git's. */
async function cloneWithIsomorphicGit(
  request: CloneRequest,
  url: string,
  remote: ReturnType<typeof remoteArguments>,
): Promise<{ branch: string | null; head: string }> {
  await git.clone({
    fs,
    dir: request.dir,
    url,
    ...remote,
    singleBranch: false,
    ...(request.depth ? { depth: request.depth } : {}),
  })
  if (request.signal?.aborted) throw new TransferError('cancelled')
  const head = await git.resolveRef({ fs, dir: request.dir, ref: 'HEAD' })
  const branch = (await git.currentBranch({ fs, dir: request.dir })) ?? null
  return { branch, head }
}

/** Only a host's address over HTTP(S): not SSH, not a path on this computer. */
function checkHostUrl(url: string): void {
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    throw new AtelierError('remote-url', url)
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new AtelierError('remote-url', url)
}

/** Creates `dir` or checks it is empty; says which, to undo exactly that. */
async function prepareTarget(dir: string): Promise<'folder' | 'contents'> {
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await mkdir(dir, { recursive: true })
    return 'folder'
  }
  if (entries.length > 0) throw new AtelierError('clone-target-not-empty', dir)
  return 'contents'
}
