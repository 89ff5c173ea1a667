import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * A hidden name beside `target`, unique to this call. The `.atelier-tmp`
 * ending keeps it out of the watcher and the page index.
 */
function besideName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.atelier-tmp`,
  )
}

/** Writes `data` to a new file beside `target` and flushes it to disk; returns its path. */
export async function writeTempBeside(target: string, data: string | Uint8Array): Promise<string> {
  const temp = besideName(target)
  const handle = await open(temp, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  return temp
}

/**
 * Writes a file so that a crash leaves either the old bytes or the new ones,
 * never a half-written page: temporary file in the same folder, fsync, rename.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTempBeside(target, data)
  try {
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
