import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'

/** Removes everything in `dir` but the entries named in `keep`: what a failed copy wrote there. */
export async function emptyFolder(dir: string, keep: readonly string[] = []): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (!keep.includes(entry)) await rm(path.join(dir, entry), { recursive: true, force: true })
  }
}
