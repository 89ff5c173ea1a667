/**
 * Git's cache-tree (the index's `TREE` extension): for a folder, the tree id
 * its index entries make and how many entries that is, or "unknown" (-1)
 * once one of them changed. Git keeps it so a status or a commit need not
 * read or rebuild the trees of folders nothing touched; Atelier reads it for
 * the same reason and writes it with each version.
 */
export interface CacheTreeNode {
  /** The folder's own name ('' for the root). */
  name: string
  /** Index entries below the folder; -1 when unknown (then `oid` is null). */
  entryCount: number
  oid: string | null
  children: CacheTreeNode[]
}

/** The extension's data, or null when it is not what git writes (it is only a cache). */
export function parseCacheTree(data: Buffer): CacheTreeNode | null {
  let cursor = 0
  const readNode = (): CacheTreeNode | null => {
    const nul = data.indexOf(0, cursor)
    const newline = nul < 0 ? -1 : data.indexOf(0x0a, nul)
    if (newline < 0) return null
    const name = data.toString('utf8', cursor, nul)
    const counts = /^(-?\d+) (\d+)$/.exec(data.toString('latin1', nul + 1, newline))
    if (!counts) return null
    const entryCount = Number(counts[1])
    cursor = newline + 1
    let oid: string | null = null
    if (entryCount >= 0) {
      if (cursor + 20 > data.length) return null
      oid = data.toString('hex', cursor, cursor + 20)
      cursor += 20
    }
    const children: CacheTreeNode[] = []
    for (let i = Number(counts[2]); i > 0; i--) {
      const child = readNode()
      if (!child) return null
      children.push(child)
    }
    return { name, entryCount, oid, children }
  }
  const root = readNode()
  return root && cursor === data.length && root.name === '' ? root : null
}

export function renderCacheTree(root: CacheTreeNode): Buffer {
  const parts: Buffer[] = []
  const write = (node: CacheTreeNode) => {
    const known = node.entryCount >= 0 && node.oid !== null
    parts.push(
      Buffer.from(
        `${node.name}\0${known ? node.entryCount : -1} ${node.children.length}\n`,
        'utf8',
      ),
    )
    if (known) parts.push(Buffer.from(node.oid!, 'hex'))
    for (const child of node.children) write(child)
  }
  write(root)
  return Buffer.concat(parts)
}
