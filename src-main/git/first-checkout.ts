import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { emptyFolder } from '../fs/empty-folder.js'
import {
  compareIndexEntries,
  EXECUTABLE_FILE,
  isRegularFile,
  type IndexEntry,
  unwrittenEntry,
} from './index-file.js'
import type { GitObject } from './object-store.js'
import type { RepositoryContext } from './repository-context.js'
import { entryOf } from './stage-file.js'
import { readCommit, readTree } from './tree-files.js'
import { isPlainTreePath } from './work-tree-path.js'
import { objectId } from './write-object.js'
import { writeIndexFile } from './write-index.js'
import { writeTree } from './write-tree.js'

/**
 * Files written between two turns of the event loop. Small files are written
 * synchronously, three times quicker than through the thread pool; in batches,
 * so the app's window still gets its answers while a guide is written.
 */
const FILES_PER_TURN = 100

export interface CheckoutOptions {
  /** Objects already in memory (a clone's pack, just checked): read from there first. */
  known?: ReadonlyMap<string, GitObject>
  /** Checked between files: once aborted, what was written is removed and false answered. */
  signal?: { readonly aborted: boolean }
  onProgress?: (written: number, total: number) => void
}

/**
 * A clone's checkout: writes every file of `commit` into a work tree that holds
 * nothing but `.git`, and the index recording them, with the cache-tree git
 * would write. isomorphic-git's checkout reads and compares the work tree file
 * by file first, seconds on a 5,000-page guide; here there is nothing to compare.
 *
 * Answers false, having written nothing, when the version holds anything but
 * plain and executable files (links, submodules), a path the gate refuses, or
 * the work tree is not empty; and after removing what it wrote when a write
 * fails (two names that are one on this disk, `Page.md` and `page.md`) or the
 * signal stops it. The caller then runs the full checkout, which has its own
 * rules for those, or stops.
 * Each file is created exclusively (`wx`): never written through anything found there.
 */
export async function checkoutIntoEmpty(
  context: RepositoryContext,
  commit: string,
  options: CheckoutOptions = {},
): Promise<boolean> {
  const { gitdir, root, objects, trees } = context
  const tree = readCommit(objects, gitdir, commit).tree
  const files = [...trees.filesOfTreeNow(tree)]
  if (files.some(([, file]) => !isRegularFile(file))) return false
  if (files.some(([name]) => !isPlainTreePath(root, gitdir, name))) return false
  if ((await readdir(root)).some((entry) => entry !== path.basename(gitdir))) return false

  // The index's tree, checked against the version's before any file is written.
  const entries = files.map(([name, file]) => unwrittenEntry(name, file))
  entries.sort(compareIndexEntries)
  const { oid, cacheTree } = await writeTree(entries, null, {
    readTree: (id) => readTree(objects, gitdir, id),
    write: async (type, content) => objectId(type, content),
  })
  if (oid !== tree) return false

  const known = options.known
  const folders = new Set(files.map(([name]) => path.posix.dirname(name)))
  try {
    for (const folder of [...folders].sort()) {
      if (folder !== '.') await mkdir(path.join(root, folder), { recursive: true })
    }
    for (let start = 0; start < entries.length; start += FILES_PER_TURN) {
      if (options.signal?.aborted) throw new Error('stopped')
      const end = Math.min(start + FILES_PER_TURN, entries.length)
      for (let at = start; at < end; at++) entries[at] = writeEntry(context, entries[at]!, known)
      options.onProgress?.(end, entries.length)
      await new Promise((resolve) => setImmediate(resolve))
    }
  } catch {
    await emptyFolder(root, [path.basename(gitdir)])
    return false
  }
  await writeIndexFile(gitdir, root, entries, cacheTree)
  return true
}

/** Writes one file, and answers its entry with the stat data a status will trust. */
function writeEntry(
  context: RepositoryContext,
  entry: IndexEntry,
  known: ReadonlyMap<string, GitObject> | undefined,
): IndexEntry {
  const content = (known?.get(entry.oid) ?? context.objects.read(entry.oid)).content
  const mode = entry.mode === EXECUTABLE_FILE ? 0o755 : 0o644
  const fd = openSync(path.join(context.root, entry.path), 'wx', mode)
  try {
    writeFileSync(fd, content)
    // The tree's mode, whatever the file system keeps of it (no executable bit on Windows).
    return { ...entryOf(entry.path, entry.oid, fstatSync(fd)), mode: entry.mode }
  } finally {
    closeSync(fd)
  }
}
