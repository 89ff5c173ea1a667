/** Git's commit and tree formats, parsed from an object's content. */

export interface TreeItem {
  name: string
  mode: number
  oid: string
  isTree: boolean
}

export function parseTree(content: Buffer): TreeItem[] {
  const items: TreeItem[] = []
  let cursor = 0
  while (cursor < content.length) {
    const space = content.indexOf(0x20, cursor)
    const nul = content.indexOf(0, space)
    if (space < 0 || nul < 0 || nul + 21 > content.length) throw new Error('malformed tree')
    const mode = parseInt(content.toString('latin1', cursor, space), 8)
    items.push({
      name: content.toString('utf8', space + 1, nul),
      mode,
      oid: content.toString('hex', nul + 1, nul + 21),
      isTree: mode === 0o40000,
    })
    cursor = nul + 21
  }
  return items
}

export interface Person {
  name: string
  email: string
  /** Seconds since 1970. */
  timestamp: number
  /** Minutes east of UTC, as written (`+0100` → 60). */
  offsetMinutes: number
}

export interface CommitData {
  tree: string
  parents: string[]
  author: Person
  committer: Person
  message: string
}

export function parseCommit(content: Buffer): CommitData {
  const text = content.toString('utf8')
  const split = text.indexOf('\n\n')
  const headers = (split < 0 ? text : text.slice(0, split)).split('\n')
  const message = split < 0 ? '' : text.slice(split + 2)
  let tree = ''
  const parents: string[] = []
  let author: Person | null = null
  let committer: Person | null = null
  for (const line of headers) {
    if (line.startsWith('tree ')) tree = line.slice(5)
    else if (line.startsWith('parent ')) parents.push(line.slice(7))
    else if (line.startsWith('author ')) author = parsePerson(line.slice(7))
    else if (line.startsWith('committer ')) committer = parsePerson(line.slice(10))
  }
  if (!tree || !author) throw new Error('malformed commit')
  return { tree, parents, author, committer: committer ?? author, message }
}

function parsePerson(text: string): Person {
  const match = /^(.*?) ?<([^>]*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text)
  if (!match) return { name: text, email: '', timestamp: 0, offsetMinutes: 0 }
  const offset = Number(match[5]) * 60 + Number(match[6])
  return {
    name: match[1] ?? '',
    email: match[2] ?? '',
    timestamp: Number(match[3]),
    offsetMinutes: match[4] === '-' ? -offset : offset,
  }
}

/**
 * The entry named `name` in a tree's content, without parsing the others:
 * looking one path up in each version of a history reads a folder of a
 * hundred files a thousand times. `name` is the entry's name in UTF-8.
 */
export function findTreeEntry(content: Buffer, name: Buffer): TreeItem | null {
  let cursor = 0
  while (cursor < content.length) {
    const space = content.indexOf(0x20, cursor)
    if (space < 0) throw new Error('malformed tree')
    const start = space + 1
    const end = start + name.length
    // Same name: its bytes, then the NUL ending it.
    const same = content[end] === 0 && content.compare(name, 0, name.length, start, end) === 0
    const nul = same ? end : content.indexOf(0, start)
    if (nul < 0 || nul + 21 > content.length) throw new Error('malformed tree')
    if (same) {
      const mode = parseInt(content.toString('latin1', cursor, space), 8)
      return {
        name: name.toString('utf8'),
        mode,
        oid: content.toString('hex', nul + 1, nul + 21),
        isTree: mode === 0o40000,
      }
    }
    cursor = nul + 21
  }
  return null
}
