import { existsSync } from 'node:fs'
import { readdir, readFile, readlink, realpath } from 'node:fs/promises'
import path from 'node:path'

/** Without a process table to look at, a lock untouched this long is taken as left behind. */
export const STALE_AFTER_MS = 2 * 60 * 1000

/**
 * Whether a running program may be using `.git/index.lock`. Git never
 * records who holds its lock, so this looks at the processes, where the
 * system lets us (Linux's `/proc`, the same user's processes):
 * - a process that has the lock file open (git while it writes the index,
 *   Atelier — this app or another copy — for the whole of an operation);
 * - a `git` process whose current folder is inside the repository (git
 *   closes the lock while it waits, e.g. for the message editor of
 *   `git commit -a`, but keeps it until it ends).
 * Where there is no `/proc` (Windows, macOS), the lock counts as in use
 * until it has not changed for `STALE_AFTER_MS` (on Windows an open file
 * cannot be deleted anyway).
 */
export async function lockMayBeInUse(lock: string, root: string, ageMs: number): Promise<boolean> {
  if (!existsSync('/proc/self/fd')) return ageMs < STALE_AFTER_MS
  // What /proc shows are real paths: compare with the real ones.
  const target = await realpath(lock).catch(() => path.resolve(lock))
  root = await realpath(root).catch(() => path.resolve(root))
  const inside = (folder: string) => folder === root || folder.startsWith(`${root}${path.sep}`)
  let pids: string[]
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  } catch {
    return ageMs < STALE_AFTER_MS
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue
    const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')
    if (command.startsWith('git')) {
      const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '')
      if (cwd && inside(cwd)) return true
    }
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])
    for (const fd of fds) {
      const file = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
      if (file === target) return true
    }
  }
  return false
}
