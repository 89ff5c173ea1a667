import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { GitDataError } from './git-data-error.js'

/** One entry of `.git/index`: what git recorded about a file when it was last staged. */
export interface IndexEntry {
  path: string
  oid: string
  /** 0 for a normal entry; 1 (base), 2 (ours), 3 (theirs) during a merge conflict. */
  stage: 0 | 1 | 2 | 3
  /** Git's mode: 0o100644, 0o100755, 0o120000 (symlink) or 0o160000 (sub-repository). */
  mode: number
  mtimeSeconds: number
  mtimeNanoseconds: number
  size: number
  ino: number
}

export interface IndexSnapshot {
  entries: IndexEntry[]
  /** The index file's own modification time (ms); a file changed at or after it is "racy". */
  mtimeMs: number
  /** Identifies this version of the file, to know when to read it again. */
  signature: string
}

const EMPTY: IndexSnapshot = { entries: [], mtimeMs: 0, signature: 'none' }

/**
 * Reads `.git/index` (versions 2, 3 and 4) with the stat data git keeps for
 * every file. isomorphic-git does not expose those, and they are what makes
 * status fast: a file whose size and times match its entry is not re-read.
 */
export function readIndexFile(gitdir: string): IndexSnapshot {
  const file = path.join(gitdir, 'index')
  let bytes: Buffer
  let mtimeMs: number
  try {
    const info = statSync(file)
    mtimeMs = info.mtimeMs
    bytes = readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY
    throw error
  }
  return { ...parseIndex(bytes, file), mtimeMs, signature: indexSignature(file) }
}

/** Cheap check of whether the index changed since it was read: size, times and inode. */
export function indexSignature(file: string): string {
  try {
    const info = statSync(file)
    return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`
  } catch {
    return 'none'
  }
}

export function parseIndex(bytes: Buffer, file: string): { entries: IndexEntry[] } {
  const fail = (): never => {
    throw new GitDataError('corrupt-index', file)
  }
  if (bytes.length < 32 || bytes.toString('latin1', 0, 4) !== 'DIRC') fail()
  const body = bytes.subarray(0, bytes.length - 20)
  const checksum = createHash('sha1').update(body).digest()
  if (!checksum.equals(bytes.subarray(bytes.length - 20))) fail()

  const version = bytes.readUInt32BE(4)
  if (version < 2 || version > 4) fail()
  const count = bytes.readUInt32BE(8)
  const entries: IndexEntry[] = new Array(count)
  let offset = 12
  let previous: Buffer = Buffer.alloc(0)
  for (let i = 0; i < count; i++) {
    const start = offset
    if (offset + 62 > body.length) fail()
    const flags = bytes.readUInt16BE(offset + 60)
    let cursor = offset + 62
    if (version >= 3 && flags & 0x4000) cursor += 2
    let name: Buffer
    if (version === 4) {
      // Path compressed against the previous one: strip N bytes, append the suffix.
      let byte = bytes[cursor++] ?? fail()
      let strip = byte & 0x7f
      while (byte & 0x80) {
        byte = bytes[cursor++] ?? fail()
        strip = ((strip + 1) << 7) | (byte & 0x7f)
      }
      const end = bytes.indexOf(0, cursor)
      if (end < 0 || strip > previous.length) fail()
      name = Buffer.concat([
        previous.subarray(0, previous.length - strip),
        bytes.subarray(cursor, end),
      ])
      offset = end + 1
    } else {
      const end = bytes.indexOf(0, cursor)
      if (end < 0) fail()
      name = bytes.subarray(cursor, end)
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset = start + ((end - start + 8) & ~7)
    }
    previous = name
    entries[i] = {
      path: name.toString('utf8'),
      oid: bytes.toString('hex', start + 40, start + 60),
      stage: ((flags >> 12) & 3) as IndexEntry['stage'],
      mode: bytes.readUInt32BE(start + 24),
      mtimeSeconds: bytes.readUInt32BE(start + 8),
      mtimeNanoseconds: bytes.readUInt32BE(start + 12),
      size: bytes.readUInt32BE(start + 36),
      ino: bytes.readUInt32BE(start + 20),
    }
  }
  return { entries }
}
