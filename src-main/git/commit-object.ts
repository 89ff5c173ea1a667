import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Author } from '../../src-shared/api/types.js'
import { writeAtomically } from './git-fs.js'

export interface CommitFields {
  tree: string
  parents: readonly string[]
  author: Author
  message: string
  /** Seconds since 1970; now when absent. */
  timestamp?: number
}

/**
 * A commit object's bytes, exactly as isomorphic-git writes them (which
 * Atelier did until it wrote its own): the author as committer, the local
 * time zone, the message without carriage returns nor blank lines around it
 * and ending in one newline.
 */
export function renderCommit(fields: CommitFields): Buffer {
  const timestamp = fields.timestamp ?? Math.floor(Date.now() / 1000)
  const person = `${fields.author.name} <${fields.author.email}> ${timestamp} ${timeZone(timestamp)}`
  let text = `tree ${fields.tree}\n`
  for (const parent of fields.parents) text += `parent ${parent}\n`
  text += `author ${person}\ncommitter ${person}\n\n`
  text += `${fields.message.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`
  return Buffer.from(text, 'utf8')
}

/** `+0100` for a machine one hour east of UTC at that instant. */
function timeZone(timestamp: number): string {
  const east = -new Date(timestamp * 1000).getTimezoneOffset()
  const minutes = Math.abs(east)
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0')
  return `${east < 0 ? '-' : '+'}${hours}${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Moves the current branch to `oid` (or HEAD itself when it is detached), as
 * a loose ref written whole or not at all; one in `packed-refs` is then
 * overridden by it, as git does.
 */
export async function advanceHead(gitdir: string, oid: string): Promise<void> {
  const head = (await readFile(path.join(gitdir, 'HEAD'), 'utf8')).trim()
  const ref = head.startsWith('ref:') ? head.slice(4).trim() : 'HEAD'
  // A HEAD naming a file outside `refs/` is not git's: never written through.
  if (ref !== 'HEAD' && (!ref.startsWith('refs/') || ref.split('/').includes('..'))) {
    throw new Error(`HEAD names an unexpected ref: ${ref}`)
  }
  const file = path.join(gitdir, ref)
  await mkdir(path.dirname(file), { recursive: true })
  await writeAtomically(file, `${oid}\n`)
}
