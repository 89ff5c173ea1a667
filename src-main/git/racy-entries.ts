import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const SKIP_WORKTREE = 0x4000
const ASSUME_UNCHANGED = 0x8000
const EXTENDED = 0x4000
const REGULAR_FILE = 0o100000

/**
 * Git's "racy git" rule, applied to an index Atelier is about to write.
 *
 * An entry whose file time is not older than the index it was read from may
 * hide a change made in that same second with the same size: its stat looks
 * clean. Git compares such entries' content; and when it writes a new index
 * (whose time is later, so the entry no longer looks racy) it first "smudges"
 * those whose file differs — size 0 — so every later reader hashes them
 * again. isomorphic-git writes the index without this, which hid such a
 * change from git and from Atelier for good. This does what git does to the
 * bytes isomorphic-git writes (versions 2 and 3; anything else is left as is).
 *
 * `previousSeconds`: the time, in whole seconds, of the index that was read
 * (git without nanosecond times compares seconds).
 */
export function smudgeRacyEntries(index: Buffer, root: string, previousSeconds: number): Buffer {
  if (index.length < 32 || index.toString('latin1', 0, 4) !== 'DIRC') return index
  const version = index.readUInt32BE(4)
  if (version !== 2 && version !== 3) return index
  const out = Buffer.from(index)
  let smudged = false
  let offset = 12
  for (let i = 0, count = out.readUInt32BE(8); i < count; i++) {
    const flags = out.readUInt16BE(offset + 60)
    const extended = version === 3 && flags & EXTENDED ? out.readUInt16BE(offset + 62) : 0
    const nameStart = offset + 62 + (version === 3 && flags & EXTENDED ? 2 : 0)
    const nameEnd = out.indexOf(0, nameStart)
    if (nameEnd < 0) return index
    const racy =
      out.readUInt32BE(offset + 8) >= previousSeconds &&
      out.readUInt32BE(offset + 36) !== 0 &&
      ((flags >> 12) & 3) === 0 &&
      !(flags & ASSUME_UNCHANGED) &&
      !(extended & SKIP_WORKTREE) &&
      (out.readUInt32BE(offset + 24) & 0o170000) === REGULAR_FILE
    if (racy) {
      const file = path.join(root, out.toString('utf8', nameStart, nameEnd))
      if (!holdsBlob(file, out.toString('hex', offset + 40, offset + 60))) {
        out.writeUInt32BE(0, offset + 36)
        smudged = true
      }
    }
    // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
    offset += (nameEnd - offset + 8) & ~7
  }
  if (!smudged) return index
  createHash('sha1')
    .update(out.subarray(0, out.length - 20))
    .digest()
    .copy(out, out.length - 20)
  return out
}

/** Whether `file` holds the blob `oid` (a missing file is left to git's own stat check). */
function holdsBlob(file: string, oid: string): boolean {
  let bytes: Buffer
  try {
    if (!statSync(file).isFile()) return true
    bytes = readFileSync(file)
  } catch {
    return true
  }
  const hash = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
  return hash === oid
}

/** The index file's time in whole seconds, or null when there is none yet. */
export function indexSeconds(file: string): number | null {
  try {
    return Math.floor(statSync(file).mtimeMs / 1000)
  } catch {
    return null
  }
}
