import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { type CacheTreeNode, parseCacheTree } from './cache-tree.js'
import { readEwahBitmap } from './ewah-bitmap.js'
import { GitDataError } from './git-data-error.js'
import { compareGitPaths } from './status-entry.js'

/** One entry of `.git/index`: what git recorded about a file when it was last staged. */
export interface IndexEntry {
  path: string
  oid: string
  /** 0 for a normal entry; 1 (base), 2 (ours), 3 (theirs) during a merge conflict. */
  stage: 0 | 1 | 2 | 3
  /**
   * Git's mode: 0o100644, 0o100755, 0o120000 (symlink), 0o160000
   * (sub-repository), or 0o040000 for a folder left out of a sparse index.
   */
  mode: number
  ctimeSeconds: number
  ctimeNanoseconds: number
  mtimeSeconds: number
  mtimeNanoseconds: number
  dev: number
  ino: number
  uid: number
  gid: number
  size: number
  /** `git update-index --assume-unchanged`: git does not look at the file on disk. */
  assumeUnchanged: boolean
  /** Outside the sparse checkout (or `--skip-worktree`): the file is not expected on disk. */
  skipWorktree: boolean
  /** `git add -N`: the path is known but its content is not staged yet. */
  intentToAdd: boolean
}

/** Git's modes of a plain file and of an executable one. */
export const REGULAR_FILE = 0o100644
export const EXECUTABLE_FILE = 0o100755

/** A file Atelier writes itself: plain or executable (not a link, not a submodule). */
export function isRegularFile(file: { mode: number }): boolean {
  return file.mode === REGULAR_FILE || file.mode === EXECUTABLE_FILE
}

/** An entry's stat data before its file was ever looked at: a status reads the file to compare. */
export const NO_STAT = {
  ctimeSeconds: 0,
  ctimeNanoseconds: 0,
  mtimeSeconds: 0,
  mtimeNanoseconds: 0,
  dev: 0,
  ino: 0,
  uid: 0,
  gid: 0,
  size: 0,
} as const satisfies Partial<IndexEntry>

/** A stage-0 entry for a file about to be written: its stat data is filled in once it is. */
export function unwrittenEntry(path: string, file: { oid: string; mode: number }): IndexEntry {
  return {
    path,
    oid: file.oid,
    stage: 0,
    mode: file.mode,
    ...NO_STAT,
    assumeUnchanged: false,
    skipWorktree: false,
    intentToAdd: false,
  }
}

export interface IndexSnapshot {
  entries: IndexEntry[]
  /** The index file's own modification time (ms); a file changed at or after it is "racy". */
  mtimeMs: number
  /** Identifies this version of the file, to know when to read it again. */
  signature: string
  /**
   * The entries as stored differ from what isomorphic-git can read and write
   * (version 4, a split or sparse index): it must be handed a plain copy.
   */
  needsPlainCopy: boolean
  /** Git's cache-tree (`TREE`), when the index has one that reads well: folders' known trees. */
  cacheTree: CacheTreeNode | null
}

/** One file of a folder's tree, for expanding a sparse index's folder entries. */
export type TreeLister = (treeOid: string) => Map<string, { oid: string; mode: number }>

const EMPTY: IndexSnapshot = {
  entries: [],
  mtimeMs: 0,
  signature: 'none',
  needsPlainCopy: false,
  cacheTree: null,
}
const FOLDER = 0o040000
const ZERO_OID = '0'.repeat(40)
/** Extensions whose meaning Atelier knows; any other one spelled in lower case is required by git. */
const KNOWN_REQUIRED = new Set(['link', 'sdir'])

/**
 * Reads `.git/index` as git does, with the stat data git keeps for every
 * file (isomorphic-git does not expose those, and they are what makes status
 * fast): versions 2, 3 and 4; the assume-unchanged, skip-worktree and
 * intent-to-add flags; a split index (`core.splitIndex`), whose entries are
 * the shared index's with the changes kept in `.git/index`; a sparse index
 * (`index.sparse`), whose folder entries are expanded into their files when
 * `listTree` is given. An index using anything else git requires readers to
 * understand is refused with `unsupported-index`.
 */
export function readIndexFile(gitdir: string, listTree?: TreeLister): IndexSnapshot {
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
  const parsed = parseIndex(bytes, file)
  let entries = parsed.entries
  let needsPlainCopy = parsed.version === 4
  const link = parsed.extensions.get('link')
  if (link) {
    const shared = readSharedIndex(gitdir, link, file)
    if (shared) {
      entries = mergeSplitIndex(shared.index.entries, parsed.entries, link, file)
      needsPlainCopy = true
      // Shared entries' stat data is as old as the shared file: "racy" against it.
      mtimeMs = Math.min(mtimeMs, shared.mtimeMs)
    }
  }
  if (entries.some((entry) => entry.mode === FOLDER)) {
    needsPlainCopy = true
    if (listTree) entries = expandSparseFolders(entries, listTree)
  }
  const tree = parsed.extensions.get('TREE')
  return {
    entries,
    mtimeMs,
    signature: indexSignature(file),
    needsPlainCopy,
    cacheTree: tree ? parseCacheTree(tree) : null,
  }
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

export interface ParsedIndex {
  version: number
  entries: IndexEntry[]
  /** Extension data by signature (`TREE`, `link`, `UNTR`…). */
  extensions: Map<string, Buffer>
}

export function parseIndex(bytes: Buffer, file: string): ParsedIndex {
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
    let extended = 0
    if (flags & 0x4000) {
      if (version < 3) fail()
      extended = bytes.readUInt16BE(cursor)
      // Git defines only skip-worktree and intent-to-add; anything else is not an index git wrote.
      if (extended & ~0x6000) fail()
      cursor += 2
    }
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
      if (end < 0 || end >= body.length || strip > previous.length) fail()
      name = Buffer.concat([
        previous.subarray(0, previous.length - strip),
        bytes.subarray(cursor, end),
      ])
      offset = end + 1
    } else {
      const end = bytes.indexOf(0, cursor)
      if (end < 0 || end >= body.length) fail()
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
      ctimeSeconds: bytes.readUInt32BE(start),
      ctimeNanoseconds: bytes.readUInt32BE(start + 4),
      mtimeSeconds: bytes.readUInt32BE(start + 8),
      mtimeNanoseconds: bytes.readUInt32BE(start + 12),
      dev: bytes.readUInt32BE(start + 16),
      ino: bytes.readUInt32BE(start + 20),
      uid: bytes.readUInt32BE(start + 28),
      gid: bytes.readUInt32BE(start + 32),
      size: bytes.readUInt32BE(start + 36),
      assumeUnchanged: (flags & 0x8000) !== 0,
      skipWorktree: (extended & 0x4000) !== 0,
      intentToAdd: (extended & 0x2000) !== 0,
    }
  }
  const extensions = new Map<string, Buffer>()
  while (offset + 8 <= body.length) {
    const signature = bytes.toString('latin1', offset, offset + 4)
    const size = bytes.readUInt32BE(offset + 4)
    const end = offset + 8 + size
    if (end > body.length) fail()
    const first = signature.charCodeAt(0)
    // An upper-case first letter marks an optional extension (a cache git can rebuild).
    if (!(first >= 0x41 && first <= 0x5a) && !KNOWN_REQUIRED.has(signature)) {
      throw new GitDataError('unsupported-index', file)
    }
    extensions.set(signature, bytes.subarray(offset + 8, end))
    offset = end
  }
  if (offset !== body.length) fail()
  return { version, entries, extensions }
}

/** The shared index a split index points to; null when the link names none (all zeros). */
function readSharedIndex(
  gitdir: string,
  link: Buffer,
  file: string,
): { index: ParsedIndex; mtimeMs: number } | null {
  if (link.length < 20) throw new GitDataError('corrupt-index', file)
  const oid = link.toString('hex', 0, 20)
  if (oid === ZERO_OID) return null
  const shared = path.join(gitdir, `sharedindex.${oid}`)
  let bytes: Buffer
  let mtimeMs: number
  try {
    mtimeMs = statSync(shared).mtimeMs
    bytes = readFileSync(shared)
  } catch {
    throw new GitDataError('corrupt-index', shared)
  }
  const parsed = parseIndex(bytes, shared)
  if (parsed.extensions.has('link')) throw new GitDataError('corrupt-index', shared)
  return { index: parsed, mtimeMs }
}

/**
 * The entries of a split index, as git's `merge_base_index` builds them: the
 * shared entries, less those marked in the "delete" bitmap, with those marked
 * in the "replace" bitmap replaced in order by `.git/index`'s first entries
 * (stored with an empty name: they keep the shared entry's), then the
 * remaining entries of `.git/index` added, all sorted as git sorts an index.
 */
function mergeSplitIndex(
  shared: IndexEntry[],
  split: IndexEntry[],
  link: Buffer,
  file: string,
): IndexEntry[] {
  const fail = (): never => {
    throw new GitDataError('corrupt-index', file)
  }
  let deleted: number[] = []
  let replaced: number[] = []
  if (link.length > 20) {
    const deleteBitmap = readEwahBitmap(link, 20) ?? fail()
    const replaceBitmap = readEwahBitmap(link, 20 + deleteBitmap.length) ?? fail()
    deleted = deleteBitmap.positions
    replaced = replaceBitmap.positions
  }
  const merged: (IndexEntry | null)[] = [...shared]
  let used = 0
  for (const position of replaced) {
    const base = merged[position] ?? fail()
    const replacement = split[used++] ?? fail()
    if (replacement.path !== '') fail()
    merged[position] = { ...replacement, path: base.path }
  }
  for (const position of deleted) {
    if (position >= merged.length) fail()
    merged[position] = null
  }
  const result = merged.filter((entry): entry is IndexEntry => entry !== null)
  for (const entry of split.slice(used)) {
    if (entry.path === '') fail()
    // A new entry at a path that already has one at the same stage takes its place.
    const same = result.findIndex((e) => e.path === entry.path && e.stage === entry.stage)
    if (same >= 0) result.splice(same, 1)
    result.push(entry)
  }
  return result.sort(compareIndexEntries)
}

/**
 * A sparse index keeps a folder outside the sparse checkout as one entry
 * (mode 040000, the folder's tree, name ending in `/`). Expanded into one
 * skip-worktree entry per file, as git's `ensure_full_index` does.
 */
function expandSparseFolders(entries: IndexEntry[], listTree: TreeLister): IndexEntry[] {
  const result: IndexEntry[] = []
  for (const entry of entries) {
    if (entry.mode !== FOLDER) {
      result.push(entry)
      continue
    }
    for (const [inner, file] of listTree(entry.oid)) {
      result.push({
        ...entry,
        path: `${entry.path}${inner}`,
        oid: file.oid,
        mode: file.mode,
        ...NO_STAT,
        skipWorktree: true,
      })
    }
  }
  return result.sort(compareIndexEntries)
}

/** Git's order of index entries: by name (bytes), then stage. */
export function compareIndexEntries(a: IndexEntry, b: IndexEntry): number {
  return compareGitPaths(a.path, b.path) || a.stage - b.stage
}
