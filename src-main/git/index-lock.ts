import { open, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { lockMayBeInUse } from './lock-holders.js'

/**
 * Git's own lock: `.git/index.lock` exists while a program changes the
 * index. Atelier takes it for every operation that writes, so native git and
 * Atelier never write at the same time. A lock left by a process that died
 * (an interrupted version) is reported, and removed only on request and only
 * when no running program is using it (see `lock-holders.ts`).
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
  heldHere.add(gitdir)
  try {
    return await operation()
  } finally {
    // Kept open until the end: another Atelier sees it in use (`lockMayBeInUse`).
    await handle.close()
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

/**
 * Removes a lock left behind (`unlock` in the CLI, « Débloquer » in the
 * Versions view): false when there is none; `lock-in-use` when a running
 * program may still be using it, which is then left alone.
 */
export async function clearStaleLock(gitdir: string): Promise<boolean> {
  const lock = lockFile(gitdir)
  const age = await lockAge(gitdir)
  if (age === null) {
    if (heldHere.has(gitdir)) throw new AtelierError('lock-in-use', lock)
    return false
  }
  if (await lockMayBeInUse(lock, path.resolve(gitdir, '..'), age)) {
    throw new AtelierError('lock-in-use', lock)
  }
  try {
    await rm(lock, { force: true })
  } catch {
    // Windows refuses to delete a file another program has open: it is in use.
    throw new AtelierError('lock-in-use', lock)
  }
  return true
}
