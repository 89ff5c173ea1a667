import { lstat, readFile, readlink } from 'node:fs/promises'
import path from 'node:path'
import type { Stats } from 'node:fs'
import type { IndexEntry } from './index-file.js'

/**
 * A work-tree file as an index entry, as `git add` records it: its blob
 * (the bytes as they are, a symbolic link's target) and the stat data that
 * later lets a status trust the file without reading it. `store` writes the
 * blob and gives its id.
 */
export async function stageFile(
  root: string,
  filepath: string,
  store: (content: Buffer) => Promise<string> | string,
): Promise<IndexEntry> {
  const file = path.join(root, filepath)
  // The stat before the bytes: a file changed in between looks newer than its entry, hence racy.
  const info = await lstat(file)
  const content = info.isSymbolicLink()
    ? Buffer.from(await readlink(file), 'utf8')
    : await readFile(file)
  return entryOf(filepath, await store(content), info)
}

const UINT32 = 2 ** 32

/**
 * An index entry from a file's lstat, its blob already known. Times from
 * milliseconds, as isomorphic-git and the status tracker read them.
 */
export function entryOf(filepath: string, oid: string, info: Stats): IndexEntry {
  const [ctimeSeconds, ctimeNanoseconds] = secondsAndNanoseconds(info.ctimeMs)
  const [mtimeSeconds, mtimeNanoseconds] = secondsAndNanoseconds(info.mtimeMs)
  return {
    path: filepath,
    oid,
    stage: 0,
    mode: info.isSymbolicLink() ? 0o120000 : info.mode & 0o100 ? 0o100755 : 0o100644,
    ctimeSeconds: ctimeSeconds % UINT32,
    ctimeNanoseconds,
    mtimeSeconds: mtimeSeconds % UINT32,
    mtimeNanoseconds,
    dev: info.dev % UINT32,
    ino: info.ino % UINT32,
    uid: info.uid % UINT32,
    gid: info.gid % UINT32,
    size: info.size % UINT32,
    assumeUnchanged: false,
    skipWorktree: false,
    intentToAdd: false,
  }
}

function secondsAndNanoseconds(milliseconds: number): [number, number] {
  const seconds = Math.floor(milliseconds / 1000)
  return [seconds, Math.floor((milliseconds - seconds * 1000) * 1e6)]
}
