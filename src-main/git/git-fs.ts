import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

type WriteOptions = { mode?: number; encoding?: BufferEncoding } | BufferEncoding | undefined

/**
 * The file system handed to isomorphic-git: Node's, except that every write
 * goes to a temporary file that is flushed and then renamed into place. A
 * version interrupted halfway (the laptop's battery, a killed process) then
 * leaves each object, the index and each branch either whole or absent —
 * never a truncated file that would make the repository unreadable.
 */
export const atomicGitFs = {
  promises: {
    ...fs.promises,
    writeFile: async (target: string, data: string | Uint8Array, options?: WriteOptions) => {
      const temp = path.join(
        path.dirname(target),
        `.${path.basename(target)}.${randomBytes(6).toString('hex')}.atelier-tmp`,
      )
      const mode = typeof options === 'object' ? options.mode : undefined
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
    },
  },
}
