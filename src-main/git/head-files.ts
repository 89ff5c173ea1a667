import type { CacheTreeNode } from './cache-tree.js'
import type { IndexEntry } from './index-file.js'
import type { TreeItem } from './parse-objects.js'
import type { TreeFile } from './tree-files.js'

/**
 * Every file of HEAD's tree, by path — reading only the trees of folders the
 * index's cache-tree does not vouch for. Where the cache-tree says a folder's
 * entries make exactly HEAD's tree for it (same id, same count, none in
 * conflict or added with `-N`), HEAD's files there are the index's entries:
 * as with git's own status, a guide whose index matches HEAD costs one tree
 * read, not one per folder (each, in a pack, a chain of deltas).
 */
export function headFilesFromIndex(
  rootTree: string,
  entries: readonly IndexEntry[],
  cacheTree: CacheTreeNode | null,
  readTree: (oid: string) => TreeItem[],
): Map<string, TreeFile> {
  const files = new Map<string, TreeFile>()
  const ranges = cacheTree ? folderRanges(entries) : null
  const fromIndex = (prefix: string, node: CacheTreeNode | undefined, tree: string): boolean => {
    if (!node || !ranges || node.entryCount < 0 || node.oid !== tree) return false
    const [start, end] = ranges.get(prefix) ?? [0, 0]
    if (end - start !== node.entryCount) return false
    for (let i = start; i < end; i++) {
      const entry = entries[i]!
      if (entry.stage !== 0 || entry.intentToAdd) return false
    }
    for (let i = start; i < end; i++) {
      const entry = entries[i]!
      files.set(entry.path, { oid: entry.oid, mode: entry.mode })
    }
    return true
  }
  const walk = (prefix: string, node: CacheTreeNode | undefined, tree: string): void => {
    if (fromIndex(prefix, node, tree)) return
    for (const item of readTree(tree)) {
      if (item.isTree) {
        const child = node?.children.find((candidate) => candidate.name === item.name)
        walk(`${prefix}${item.name}/`, child, item.oid)
      } else {
        files.set(`${prefix}${item.name}`, { oid: item.oid, mode: item.mode })
      }
    }
  }
  walk('', cacheTree ?? undefined, rootTree)
  return files
}

/** Where each folder's entries start and end in the index (they are contiguous). */
function folderRanges(entries: readonly IndexEntry[]): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>()
  ranges.set('', [0, entries.length])
  for (let i = 0; i < entries.length; i++) {
    const file = entries[i]!.path
    let slash = file.indexOf('/')
    while (slash >= 0) {
      const folder = file.slice(0, slash + 1)
      const range = ranges.get(folder)
      if (range) range[1] = i + 1
      else ranges.set(folder, [i, i + 1])
      slash = file.indexOf('/', slash + 1)
    }
  }
  return ranges
}
