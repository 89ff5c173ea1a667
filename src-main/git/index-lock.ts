import { open, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'

/**
 * Git's own lock: `.git/index.lock` exists while a program changes the
 * index. Atelier takes it for every operation that writes, so native git and
 * Atelier never write at the same time. A lock left by a process that died
 * (an interrupted version) is reported, never silently removed.
 */
export function lockFile(gitdir: string): string {
  return path.join(gitdir, 'index.lock')
}

export async function withIndexLock<T>(gitdir: string, operation: () => Promise<T>): Promise<T> {
  let handle
  try {
    handle = await open(lockFile(gitdir), 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AtelierError('repository-locked', lockFile(gitdir))
    }
    throw error
  }
  await handle.close()
  try {
    return await operation()
  } finally {
    await rm(lockFile(gitdir), { force: true })
  }
}

/** The lock's age in ms, or null when there is no lock. */
export async function lockAge(gitdir: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(lockFile(gitdir))).mtimeMs
  } catch {
    return null
  }
}

/** Removes a lock the user confirmed as stale (no other program is using the repository). */
export async function clearStaleLock(gitdir: string): Promise<boolean> {
  if ((await lockAge(gitdir)) === null) return false
  await rm(lockFile(gitdir), { force: true })
  return true
}
