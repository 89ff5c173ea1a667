import type { CacheTreeNode } from './cache-tree.js'
import type { IndexEntry } from './index-file.js'
import type { ObjectType } from './object-store.js'
import type { TreeItem } from './parse-objects.js'
import type { TreeFile } from './tree-files.js'

const FOLDER = 0o40000

/** What writing a version's trees needs from the repository. */
export interface TreeStore {
  /** The entries of a tree already stored (one of HEAD's folders). */
  readTree(oid: string): TreeItem[]
  /** Stores an object (skipped when the repository has it) and gives its id. */
  write(type: ObjectType, content: Buffer): Promise<string>
}

/**
 * The tree of the version the index describes, as `git write-tree` writes it
 * — but only the folders on the path of a change are built and written. A
 * folder none of whose files differ from HEAD's keeps HEAD's tree id, as git's
 * cache-tree lets it do: saving one page in a guide of 5,000 rewrites the
 * three or four trees above that page, not the hundred folders around it.
 *
 * `entries`: the index's entries at stage 0, in the index's order, without
 * `git add -N` ones (not part of a version, as for git). `head`: HEAD's files
 * and root tree, null before the first version.
 */
export async function writeTree(
  entries: readonly IndexEntry[],
  head: { tree: string; files: ReadonlyMap<string, TreeFile> } | null,
  store: TreeStore,
  /** The index's cache-tree before this version, whose nodes of kept folders are kept too. */
  previous: CacheTreeNode | null = null,
): Promise<{ oid: string; cacheTree: CacheTreeNode }> {
  const changedFolders = head ? foldersOfChanges(entries, head.files) : null
  /** A kept folder's cache-tree: the previous one when it describes the same tree. */
  const kept = (name: string, node: CacheTreeNode | undefined, oid: string, count: number) =>
    node && node.oid === oid && node.entryCount === count
      ? node
      : { name, entryCount: count, oid, children: [] }
  if (head && changedFolders?.size === 0) {
    return { oid: head.tree, cacheTree: kept('', previous ?? undefined, head.tree, entries.length) }
  }

  const build = async (
    name: string,
    prefix: string,
    start: number,
    end: number,
    headTree: string | null,
    before: CacheTreeNode | undefined,
  ): Promise<CacheTreeNode> => {
    const headItems = headTree === null ? null : store.readTree(headTree)
    const items: { name: string; mode: number; oid: string }[] = []
    const children: CacheTreeNode[] = []
    let i = start
    while (i < end) {
      const entry = entries[i]!
      const slash = entry.path.indexOf('/', prefix.length)
      if (slash < 0) {
        items.push({ name: entry.path.slice(prefix.length), mode: entry.mode, oid: entry.oid })
        i++
        continue
      }
      const inner = entry.path.slice(prefix.length, slash)
      const folder = `${prefix}${inner}/`
      // A folder's entries are contiguous in the index's order (byte order of whole paths).
      let j = i + 1
      while (j < end && entries[j]!.path.startsWith(folder)) j++
      const inHead = headItems?.find((item) => item.isTree && item.name === inner)
      const node = before?.children.find((child) => child.name === inner)
      const child =
        inHead && changedFolders && !changedFolders.has(folder)
          ? kept(inner, node, inHead.oid, j - i)
          : await build(inner, folder, i, j, inHead?.oid ?? null, node)
      items.push({ name: inner, mode: FOLDER, oid: child.oid! })
      children.push(child)
      i = j
    }
    const oid = await store.write('tree', renderTree(items))
    return { name, entryCount: end - start, oid, children }
  }
  const root = await build('', '', 0, entries.length, head?.tree ?? null, previous ?? undefined)
  return { oid: root.oid!, cacheTree: root }
}

/**
 * Every folder (`a/`, `a/b/`; '' for the root) holding a file whose id or
 * mode differs between the index and HEAD, or that is in one but not the other.
 */
function foldersOfChanges(
  entries: readonly IndexEntry[],
  headFiles: ReadonlyMap<string, TreeFile>,
): Set<string> {
  const folders = new Set<string>()
  const mark = (file: string) => {
    folders.add('')
    let slash = file.indexOf('/')
    while (slash >= 0) {
      folders.add(file.slice(0, slash + 1))
      slash = file.indexOf('/', slash + 1)
    }
  }
  const inIndex = new Set<string>()
  for (const entry of entries) {
    inIndex.add(entry.path)
    const before = headFiles.get(entry.path)
    if (!before || before.oid !== entry.oid || before.mode !== entry.mode) mark(entry.path)
  }
  for (const file of headFiles.keys()) if (!inIndex.has(file)) mark(file)
  return folders
}

/** Git's tree format, entries sorted as git sorts them (a folder's name as if it ended in `/`). */
export function renderTree(items: readonly { name: string; mode: number; oid: string }[]): Buffer {
  const keyed = items.map((item) => ({
    item,
    key: Buffer.from(item.mode === FOLDER ? `${item.name}/` : item.name, 'utf8'),
  }))
  keyed.sort((a, b) => Buffer.compare(a.key, b.key))
  const parts: Buffer[] = []
  for (const { item } of keyed) {
    parts.push(Buffer.from(`${item.mode.toString(8)} ${item.name}\0`, 'utf8'))
    parts.push(Buffer.from(item.oid, 'hex'))
  }
  return Buffer.concat(parts)
}
