import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { unlessNotFound } from '../fs/not-found.js'
import { readMergeState } from '../git/merge-state.js'
import type { RepositoryContext } from '../git/repository-context.js'
import type { Person } from './review-records.js'

/**
 * An approval waiting for its merge: « Approuver et intégrer » met conflicts,
 * and the merge went to the conflict flow. Who approved is kept beside git's
 * own MERGE_HEAD until the merge is saved (then the decisions are recorded)
 * or given up (then it is forgotten). Native git ignores the file.
 */
interface PendingApproval {
  tip: string
  author: Person
}

const FILE = 'ATELIER_APPROVAL'

export async function rememberApproval(
  context: RepositoryContext,
  tip: string,
  author: Person,
): Promise<void> {
  const pending: PendingApproval = { tip, author: { name: author.name, email: author.email } }
  await writeFileAtomic(path.join(context.gitdir, FILE), `${JSON.stringify(pending)}\n`)
}

/**
 * After a version is saved or a merge given up: the approved tip when the
 * version just saved is its merge (the caller records the decisions), and the
 * pending approval is dropped once its merge is over either way.
 */
export async function settleApproval(context: RepositoryContext): Promise<PendingApproval | null> {
  const file = path.join(context.gitdir, FILE)
  const text = await unlessNotFound(readFile(file, 'utf8'))
  if (text === null) return null
  if (await readMergeState(context.gitdir)) return null
  await rm(file, { force: true })
  const pending = parse(text)
  if (!pending) return null
  const head = await git.resolveRef({ fs: context.fs, gitdir: context.gitdir, ref: 'HEAD' })
  const { commit } = await git.readCommit({ fs: context.fs, gitdir: context.gitdir, oid: head })
  return commit.parent.includes(pending.tip) ? pending : null
}

function parse(text: string): PendingApproval | null {
  try {
    const value = JSON.parse(text) as Partial<PendingApproval>
    const author = value.author
    if (typeof value.tip !== 'string' || !/^[0-9a-f]{40}$/.test(value.tip)) return null
    if (typeof author?.name !== 'string' || typeof author.email !== 'string') return null
    return { tip: value.tip, author: { name: author.name, email: author.email } }
  } catch {
    // A file another program broke: the approval is not recorded, never wrongly.
    return null
  }
}
