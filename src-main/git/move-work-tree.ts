import { chmod, lstat, mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write.js'
import {
  compareIndexEntries,
  EXECUTABLE_FILE,
  isRegularFile,
  readIndexFile,
  type IndexEntry,
  unwrittenEntry,
} from './index-file.js'
import type { RepositoryContext } from './repository-context.js'
import { stageFile } from './stage-file.js'
import type { TreeFile } from './tree-files.js'
import { readTree } from './tree-files.js'
import { objectId } from './write-object.js'
import { writeIndexFile } from './write-index.js'
import { writeTree } from './write-tree.js'
import { isPlainTreePath } from './work-tree-path.js'

/** Past this many changed files, the full checkout is as quick and better proven. */
const MAX_CHANGES = 500

/**
 * Brings a clean work tree and its index from one version's tree to another's,
 * touching only the files that differ: what a fast-forward or a merge without
 * conflicts needs after « Recevoir les nouveautés » or an approval.
 * isomorphic-git's checkout reads and stats every file of the guide (seconds on
 * 5,000 pages) to bring in one changed page.
 *
 * Answers false, having changed nothing, whenever it cannot be sure: the index
 * is not exactly `from` (a conflict, a sparse, split or v4 index, a staged
 * change), a link or sub-repository is among the changes, a path the gate
 * refuses or one reached through a link, an untracked file where a new one
 * goes, or many changes. The caller then runs the full checkout, which also
 * takes over if writing fails halfway. The caller holds `index.lock`.
 */
export async function moveWorkTree(
  context: RepositoryContext,
  fromTree: string,
  toTree: string,
): Promise<boolean> {
  const { gitdir, root, objects, trees } = context
  const index = readIndexFile(gitdir, (oid) => trees.filesOfTreeNow(oid))
  const from = trees.filesOfTreeNow(fromTree)
  const to = trees.filesOfTreeNow(toTree)
  if (index.needsPlainCopy || !indexIs(index.entries, from)) return false

  const changed = [...to].filter(([file, target]) => !sameFile(from.get(file), target))
  const removed = [...from.keys()].filter((file) => !to.has(file))
  if (changed.length + removed.length > MAX_CHANGES) return false
  if (changed.some(([, target]) => !isRegularFile(target))) return false
  if (removed.some((file) => !isRegularFile(from.get(file)!))) return false
  // Every path through the workspace's gate, and none through a link: a host or a file
  // could name `..` or a link's folder; the full checkout has its own checks for those.
  for (const file of [...removed, ...changed.map(([name]) => name)]) {
    if (!(await plainPathInside(root, gitdir, file))) return false
  }
  const leaving = new Set(removed)
  for (const [file] of changed) {
    if (!from.has(file) && (await inTheWay(root, file, leaving))) return false
  }

  // The entries the index will hold, checked against the target tree before any file moves.
  const stale = new Set([...removed, ...changed.map(([file]) => file)])
  const entries = index.entries.filter((entry) => !stale.has(entry.path))
  for (const [file, target] of changed) entries.push(unwrittenEntry(file, target))
  entries.sort(compareIndexEntries)
  const { oid, cacheTree } = await writeTree(
    entries,
    { tree: fromTree, files: from },
    {
      readTree: (tree) => readTree(objects, gitdir, tree),
      // Every tree of the target exists already: only its id is wanted.
      write: async (type, content) => objectId(type, content),
    },
    index.cacheTree,
  )
  if (oid !== toTree) return false

  const written = new Map<string, IndexEntry>()
  try {
    for (const file of removed) await removeFile(root, file)
    for (const [file, target] of changed) {
      const place = path.join(root, file)
      await mkdir(path.dirname(place), { recursive: true })
      await writeFileAtomic(place, objects.read(target.oid).content)
      if (target.mode === EXECUTABLE_FILE) await chmodExecutable(place)
      // Stat data from the file as written, so a status trusts it without reading it; the
      // tree's mode, whatever the file system keeps of it (no executable bit on Windows).
      written.set(file, { ...(await stageFile(root, file, () => target.oid)), mode: target.mode })
    }
  } catch {
    // A file held open by another program, a folder in the way: the full checkout takes over
    // from here (it writes every file and the index), or says why it cannot.
    return false
  }
  const final = entries.map((entry) => written.get(entry.path) ?? entry)
  await writeIndexFile(gitdir, root, final, cacheTree)
  return true
}

/**
 * Inside the workspace by the gate's own checks, outside git's folder, written as git
 * names it (no `a//b`, no backslash), and reached through no link: each folder on the way
 * that exists is a real folder (a file there is for `inTheWay` to judge).
 */
async function plainPathInside(root: string, gitdir: string, file: string): Promise<boolean> {
  if (!isPlainTreePath(root, gitdir, file)) return false
  const parts = file.split('/')
  for (let depth = 1; depth <= parts.length; depth++) {
    const info = await lstat(path.join(root, ...parts.slice(0, depth))).catch(() => null)
    if (info === null) return true
    if (info.isSymbolicLink()) return false
    if (!info.isDirectory()) return true
  }
  return true
}

function indexIs(entries: readonly IndexEntry[], files: Map<string, TreeFile>): boolean {
  if (entries.length !== files.size) return false
  return entries.every(
    (entry) =>
      entry.stage === 0 &&
      !entry.skipWorktree &&
      !entry.intentToAdd &&
      !entry.assumeUnchanged &&
      sameFile(files.get(entry.path), entry),
  )
}

function sameFile(a: { oid: string; mode: number } | undefined, b: { oid: string; mode: number }) {
  return a !== undefined && a.oid === b.oid && a.mode === b.mode
}

/**
 * Whether something on disk keeps a new file from `file`: an untracked file or
 * link there, a folder holding anything but tracked files that leave, or a file
 * in place of one of its folders that does not leave (a page turned into a
 * folder of pages, or back, is fine).
 */
async function inTheWay(root: string, file: string, leaving: Set<string>): Promise<boolean> {
  let info
  try {
    info = await lstat(path.join(root, file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return false
    if (code !== 'ENOTDIR') return true
    // A file where one of its folders goes: fine only if that file leaves.
    const parts = file.split('/')
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/')
      const above = await lstat(path.join(root, folder)).catch(() => null)
      if (above && !above.isDirectory()) return !leaving.has(folder)
    }
    return true
  }
  if (!info.isDirectory()) return true
  const inside = await readdir(path.join(root, file), { recursive: true, withFileTypes: true })
  return inside.some((entry) => {
    if (entry.isDirectory()) return false
    const relative = path.relative(root, path.join(entry.parentPath, entry.name))
    return !leaving.has(relative.split(path.sep).join('/'))
  })
}

/** Removes a file and the folders it leaves empty, as git does. */
async function removeFile(root: string, file: string): Promise<void> {
  await rm(path.join(root, file), { force: true })
  let folder = path.dirname(file)
  while (folder !== '.' && folder !== '') {
    try {
      await rmdir(path.join(root, folder))
    } catch {
      // Not empty (or already gone): the folders above stay too.
      return
    }
    folder = path.dirname(folder)
  }
}

async function chmodExecutable(file: string): Promise<void> {
  await chmod(file, (await stat(file)).mode | 0o111)
}
