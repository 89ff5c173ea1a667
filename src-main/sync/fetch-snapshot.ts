import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * What a fetch may write in `.git`, taken before it and put back when it
 * fails: isomorphic-git moves `refs/remotes/origin/*` while the pack is still
 * arriving, so a connection cut halfway would leave refs naming objects that
 * never came. Packs that appeared are removed, refs and shallow list restored.
 */
export interface FetchSnapshot {
  restore(): Promise<void>
}

const FILES = ['packed-refs', 'FETCH_HEAD', 'shallow']

export async function takeFetchSnapshot(gitdir: string, remote: string): Promise<FetchSnapshot> {
  const packs = path.join(gitdir, 'objects', 'pack')
  const remoteRefs = path.join(gitdir, 'refs', 'remotes', remote)
  const packsBefore = new Set(await listFiles(packs))
  const files = new Map<string, Buffer | null>()
  for (const name of FILES)
    files.set(path.join(gitdir, name), await readOrNull(path.join(gitdir, name)))
  for (const name of await listFiles(remoteRefs)) {
    files.set(path.join(remoteRefs, name), await readFile(path.join(remoteRefs, name)))
  }
  return {
    async restore() {
      for (const name of await listFiles(packs)) {
        if (!packsBefore.has(name)) await rm(path.join(packs, name), { force: true })
      }
      for (const name of await listFiles(remoteRefs)) {
        const file = path.join(remoteRefs, name)
        if (!files.has(file)) await rm(file, { force: true })
      }
      for (const [file, bytes] of files) {
        if (bytes === null) {
          await rm(file, { force: true })
        } else {
          await mkdir(path.dirname(file), { recursive: true })
          await writeFile(file, bytes)
        }
      }
    },
  }
}

/** Files under `dir`, relative, recursively (none when it does not exist). */
async function listFiles(dir: string): Promise<string[]> {
  let entries: string[]
  try {
    entries = await readdir(dir, { recursive: true })
  } catch {
    return []
  }
  const files: string[] = []
  for (const entry of entries) {
    if ((await stat(path.join(dir, entry))).isFile()) files.push(entry)
  }
  return files
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch {
    return null
  }
}
