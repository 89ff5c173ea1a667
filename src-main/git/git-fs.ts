import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

type WriteOptions = { mode?: number; encoding?: BufferEncoding } | BufferEncoding | undefined

const LOOSE_OBJECT = /[/\\]objects[/\\]([0-9a-f]{2})[/\\]([0-9a-f]{38})$/

/**
 * The file system handed to isomorphic-git: Node's, except that every write
 * goes to a temporary file that is flushed and then renamed into place. A
 * version interrupted halfway (the laptop's battery, a killed process) then
 * leaves each object, the index and each branch either whole or absent —
 * never a truncated file that would make the repository unreadable.
 *
 * `hasObject` lets it skip objects the repository already has in a pack:
 * isomorphic-git only checks for a loose file, so on a packed repository it
 * would rewrite (and flush) every folder's tree at each version.
 */
export function createGitFs(
  hasObject?: (oid: string) => boolean,
  /**
   * `.git/index` as isomorphic-git can read it, or null to read the file
   * itself: it only knows versions 2 and 3, so a version 4, split or sparse
   * index is handed over as a plain copy with the same entries (see
   * `plain-index.ts`) — read from disk, never written back unless it changes.
   * `beforeWrite` may amend the bytes isomorphic-git writes there (git's
   * racy-entry rule, see `racy-entries.ts`).
   */
  readIndex?: {
    file: string
    plainCopy: () => Buffer | null
    beforeWrite?: (bytes: Buffer) => Buffer
  },
) {
  return {
    promises: {
      ...fs.promises,
      readFile: async (target: string, options?: WriteOptions) => {
        if (readIndex && path.resolve(target) === readIndex.file) {
          let plain: Buffer | null
          try {
            plain = readIndex.plainCopy()
          } catch {
            // isomorphic-git takes a failed read for "no index" and would record
            // an empty version; bytes that are not an index make it stop instead.
            // (Atelier refuses such an index before, from the status.)
            plain = Buffer.from('not an index')
          }
          if (plain) {
            const encoding = typeof options === 'object' ? options.encoding : options
            return encoding ? plain.toString(encoding) : plain
          }
        }
        return fs.promises.readFile(target, options)
      },
      writeFile: async (target: string, data: string | Uint8Array, options?: WriteOptions) => {
        const loose = hasObject ? LOOSE_OBJECT.exec(target) : null
        if (loose && hasObject?.(`${loose[1]}${loose[2]}`)) return
        if (readIndex?.beforeWrite && path.resolve(target) === readIndex.file) {
          data = readIndex.beforeWrite(Buffer.from(data))
        }
        await writeAtomically(target, data, typeof options === 'object' ? options.mode : undefined)
      },
    },
  }
}

export type GitFs = ReturnType<typeof createGitFs>

/** For files outside the object store (`MERGE_HEAD`, a resolved page). */
export const atomicGitFs = createGitFs()

/** Writes a file whole or not at all: a flushed temporary file renamed into place. */
export async function writeAtomically(target: string, data: string | Uint8Array, mode?: number) {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.atelier-tmp`,
  )
  const handle = await fs.promises.open(temp, 'wx', mode ?? 0o666)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    if (mode !== undefined) await fs.promises.chmod(temp, mode)
    await fs.promises.rename(temp, target)
  } catch (error) {
    await fs.promises.rm(temp, { force: true })
    throw error
  }
}
