import { lstat, stat } from 'node:fs/promises'

/**
 * "Not found" and nothing else: the file is not there (`ENOENT`), or a folder on its way is a
 * file (`ENOTDIR`, the same absence one level up). A denied permission, a full disk or a folder
 * where a file was expected are real problems: they go on to the caller, and the boundary
 * (`ipc/dispatch.ts`) reports them in French instead of pretending the file is missing.
 */
export function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** The operation's result, or null when its file is not there; every other error is thrown. */
export async function unlessNotFound<T>(operation: Promise<T>): Promise<T | null> {
  try {
    return await operation
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/** Whether something is at `target` (following symlinks). */
export async function exists(target: string): Promise<boolean> {
  return (await unlessNotFound(stat(target))) !== null
}

/** Whether something is at `target` itself: a dangling symlink counts (it takes the name). */
export async function existsNoFollow(target: string): Promise<boolean> {
  return (await unlessNotFound(lstat(target))) !== null
}
