import { isGitFolderName } from '../fs/safe-path.js'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { GitObject } from './object-store.js'

/**
 * The checks `git fsck --strict` makes on one object, for objects received
 * from someone else: a malformed commit or tree would otherwise sit in the
 * reviewer's repository and make every later `fsck` fail. Returns the objects
 * it names (a commit's tree and parents, a tree's entries, a tag's target),
 * so the completeness walk and the checks are one pass.
 */
export function checkedLinks(oid: string, object: GitObject): string[] {
  const bad = (why: string): never => {
    throw new AtelierError('bundle-corrupt', `${object.type} ${oid}: ${why}`)
  }
  switch (object.type) {
    case 'blob':
      return []
    case 'tree':
      return treeLinks(object.content, bad)
    case 'commit':
      return commitLinks(object.content, bad)
    case 'tag':
      return tagLinks(object.content, bad)
  }
}

/** fsck --strict's modes: no zero padding, no group-writable 100664. */
const TREE_MODES = new Set(['100644', '100755', '120000', '40000', '160000'])

function treeLinks(content: Buffer, bad: (why: string) => never): string[] {
  const found: string[] = []
  const names = new Set<string>()
  let previous: Buffer | null = null
  for (let at = 0; at < content.length;) {
    const space = content.indexOf(0x20, at)
    const nul = content.indexOf(0, at)
    if (space < 0 || nul < space || nul + 21 > content.length) bad('entry')
    const mode = content.toString('latin1', at, space)
    if (!TREE_MODES.has(mode)) bad(`mode ${mode}`)
    const name = content.subarray(space + 1, nul)
    const text = name.toString('latin1')
    if (name.length === 0 || name.includes(0x2f)) bad('name')
    // Git's folder by any name a file system answers to (`.GIT`, `.git.`, `git~1`), and a
    // backslash, which Windows reads as a folder separator: never written into a work tree.
    // The name as the disk will see it (UTF-8) too: HFS+ ignores invisible code points in it.
    const written = name.toString('utf8')
    if (
      text === '.' ||
      text === '..' ||
      isGitFolderName(text) ||
      isGitFolderName(written) ||
      text.includes('\\')
    ) {
      bad(`name ${text}`)
    }
    if (names.has(text)) bad(`duplicate ${text}`)
    names.add(text)
    // Git's order: a folder sorts as if its name ended with '/'.
    const key = mode === '40000' ? Buffer.concat([name, Buffer.from('/')]) : name
    if (previous && Buffer.compare(previous, key) >= 0) bad('not sorted')
    previous = key
    // Submodules (160000) name a commit of another repository: not ours to have.
    if (mode !== '160000') found.push(content.toString('hex', nul + 1, nul + 21))
    at = nul + 21
  }
  return found
}

const OID = '[0-9a-f]{40}'
/** `Name <email> 1700000000 +0100`, as fsck_ident wants it (no zero-padded date). */
const IDENT = '[^<>\\n]* <[^<>\\n]*> (?:0|[1-9][0-9]*) [+-][0-9]{4}'
const COMMIT_HEAD = new RegExp(
  `^tree (${OID})\\n((?:parent ${OID}\\n)*)author ${IDENT}\\ncommitter ${IDENT}\\n`,
)
const TAG_HEAD = new RegExp(`^object (${OID})\\ntype (commit|tree|blob|tag)\\ntag [^\\n]+\\n`)

function commitLinks(content: Buffer, bad: (why: string) => never): string[] {
  const end = content.indexOf('\n\n')
  const head = content.toString('latin1', 0, end < 0 ? content.length : end + 1)
  const match = COMMIT_HEAD.exec(head) ?? bad('header')
  const parents = match[2]!.split('\n').filter(Boolean)
  return [match[1]!, ...parents.map((line) => line.slice('parent '.length))]
}

function tagLinks(content: Buffer, bad: (why: string) => never): string[] {
  const match = TAG_HEAD.exec(content.toString('latin1')) ?? bad('header')
  return [match[1]!]
}
