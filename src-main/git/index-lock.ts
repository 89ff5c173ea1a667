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

/** Repositories whose lock this process holds right now: that lock is not stale. */
const heldHere = new Set<string>()

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
  heldHere.add(gitdir)
  try {
    return await operation()
  } finally {
    await rm(lockFile(gitdir), { force: true })
    heldHere.delete(gitdir)
  }
}

/** The age in ms of a lock held by another process (or left behind), or null when there is none. */
export async function lockAge(gitdir: string): Promise<number | null> {
  if (heldHere.has(gitdir)) return null
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
