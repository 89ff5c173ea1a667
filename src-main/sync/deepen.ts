import { access } from 'node:fs/promises'
import path from 'node:path'
import type { Repository } from '../git/repository.js'
import { fetchRemote, type FetchReport } from './fetch-remote.js'
import type { RemoteOptions } from './remote-options.js'

/** What native git asks for with `--unshallow`: all the history the host has. */
export const FULL_DEPTH = 2_147_483_647

/** A light copy (`depth 1`) keeps the list of its cut-off versions in `.git/shallow`. */
export async function isShallow(gitdir: string): Promise<boolean> {
  try {
    await access(path.join(gitdir, 'shallow'))
    return true
  } catch {
    return false
  }
}

/**
 * « Charger tout l'historique »: receives the versions a light copy left on the host.
 * Like every fetch, a transfer cut halfway leaves the copy as it was (still light).
 */
export async function deepenHistory(
  repository: Repository,
  options: RemoteOptions,
): Promise<FetchReport> {
  return repository.run((context) => fetchRemote(context, { ...options, depth: FULL_DEPTH }))
}
