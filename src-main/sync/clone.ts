import fs from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { firstOf, MemoryCredentials, splitUrlCredentials } from './credentials.js'
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
  const memory = new MemoryCredentials()
  if (typed) memory.set(url, typed)
  const remote = remoteArguments({ ...request, credentials: firstOf(memory, request.credentials) })
  const created = await prepareTarget(request.dir)
  try {
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
    return { branch, head, bytesReceived: remote.http.bytes.received }
  } catch (error) {
    if (created === 'folder') await rm(request.dir, { recursive: true, force: true })
    else await emptyFolder(request.dir)
    throw toNetworkError(error)
  }
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

async function emptyFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    await rm(`${dir}/${entry}`, { recursive: true, force: true })
  }
}
