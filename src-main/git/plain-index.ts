import { createHash } from 'node:crypto'
import { type CacheTreeNode, renderCacheTree } from './cache-tree.js'
import type { IndexEntry } from './index-file.js'

/**
 * An index file in the plainest form git reads — version 2, or 3 when an
 * entry carries the skip-worktree or intent-to-add flag — holding exactly
 * these entries with all their flags, and no extension but the cache-tree
 * when one is given (the ones dropped are caches git rebuilds: untracked
 * cache, fsmonitor state, entry offsets). It is what isomorphic-git can read, so a version 4, split
 * or sparse index is handed to it in this form (see `git-fs.ts`); the split
 * index's shared entries are already merged in, so none is lost.
 */
export function renderPlainIndex(
  entries: readonly IndexEntry[],
  /** Git's cache-tree to keep with the entries (see `cache-tree.ts`). */
  cacheTree: CacheTreeNode | null = null,
): Buffer {
  const extended = entries.some((entry) => entry.skipWorktree || entry.intentToAdd)
  const header = Buffer.alloc(12)
  header.write('DIRC', 0, 'latin1')
  header.writeUInt32BE(extended ? 3 : 2, 4)
  header.writeUInt32BE(entries.length, 8)
  const parts: Buffer[] = [header]
  for (const entry of entries) parts.push(renderEntry(entry))
  if (cacheTree) {
    const data = renderCacheTree(cacheTree)
    const header = Buffer.alloc(8)
    header.write('TREE', 0, 'latin1')
    header.writeUInt32BE(data.length, 4)
    parts.push(header, data)
  }
  const body = Buffer.concat(parts)
  return Buffer.concat([body, createHash('sha1').update(body).digest()])
}

function renderEntry(entry: IndexEntry): Buffer {
  const name = Buffer.from(entry.path, 'utf8')
  const hasExtended = entry.skipWorktree || entry.intentToAdd
  const fixed = 62 + (hasExtended ? 2 : 0)
  // Padded with 1 to 8 NULs to a multiple of 8 bytes.
  const out = Buffer.alloc((fixed + name.length + 8) & ~7)
  const words = [
    entry.ctimeSeconds,
    entry.ctimeNanoseconds,
    entry.mtimeSeconds,
    entry.mtimeNanoseconds,
    entry.dev,
    entry.ino,
    entry.mode,
    entry.uid,
    entry.gid,
    entry.size,
  ]
  words.forEach((value, i) => out.writeUInt32BE(value >>> 0, i * 4))
  out.write(entry.oid, 40, 'hex')
  const flags =
    (entry.assumeUnchanged ? 0x8000 : 0) |
    (hasExtended ? 0x4000 : 0) |
    (entry.stage << 12) |
    Math.min(name.length, 0xfff)
  out.writeUInt16BE(flags, 60)
  if (hasExtended) {
    out.writeUInt16BE((entry.skipWorktree ? 0x4000 : 0) | (entry.intentToAdd ? 0x2000 : 0), 62)
  }
  name.copy(out, fixed)
  return out
}
