import git from 'isomorphic-git'
import type { ReceivedContribution, ReturnedFixes } from '../../src-shared/api/review-types.js'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Author, MergeOutcome } from '../../src-shared/api/types.js'
import { ATELIER_AUTHOR } from '../git/author.js'
import { isMergedInto, requireContribution, switchContribution } from '../git/contributions.js'
import { headBranch } from '../git/head-commit.js'
import { readIndexFile } from '../git/index-file.js'
import { withIndexLock } from '../git/index-lock.js'
import { mergeContribution } from '../git/merge-contribution.js'
import { readMergeState } from '../git/merge-state.js'
import { resolveOptional } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { RECEIVED_BRANCH_PREFIX } from '../git/review-refs.js'
import type { StatusEntry } from '../git/status-entry.js'
import { mergeReceivedNotes } from './merge-received-notes.js'
import { receiveContribution } from './receive-contribution.js'

type Status = () => Promise<StatusEntry[]>

/**
 * The return loop. A file the reviewer sends back names the contributor's own
 * branch: it arrives as `recu/<name>` beside her `<name>`, with his fixes (if
 * any) and his comments on his own versions. Her `<name>` takes his versions
 * in — by itself when that is a fast-forward that touches no unsaved work,
 * else when she asks (a merge, conflicts through the usual conflict flow) —
 * so the editor shows his comments on her branch and the file she sends next
 * extends what he sent, which his import accepts.
 */

/** `aminata` for `recu/aminata`; null for a name that is not a received copy. */
export function ownBranchOf(received: string): string | null {
  if (!received.startsWith(RECEIVED_BRANCH_PREFIX)) return null
  return received.slice(RECEIVED_BRANCH_PREFIX.length) || null
}

/**
 * The received copy `recu/<own>` when it holds versions `<own>` lacks (the
 * reviewer's fixes or comments not taken in yet); null otherwise.
 */
export async function pendingReturn(
  context: RepositoryContext,
  own: string,
): Promise<string | null> {
  if (own.startsWith(RECEIVED_BRANCH_PREFIX)) return null
  const received = `${RECEIVED_BRANCH_PREFIX}${own}`
  const [mine, theirs] = await Promise.all([
    resolveOptional(context, `refs/heads/${own}`),
    resolveOptional(context, `refs/heads/${received}`),
  ])
  if (mine === null || theirs === null) return null
  return (await isMergedInto(context, theirs, mine)) ? null : received
}

/**
 * « Ouvrir une contribution reçue »: imports the file, merges its comments
 * into the review notes, and for a return of one of the user's own
 * contributions takes the reviewer's versions in when that is safe (see
 * `takeIfSafe`). A received contribution that is checked out (the reviewer
 * fixing it) has its pages brought along when its file moves it; with
 * unsaved changes there the file is refused before anything is written. In a
 * sparse checkout (which Atelier does not switch or merge in) no page moves:
 * only refs do, and the reviewer's fixes wait.
 */
export async function openReceivedFile(
  context: RepositoryContext,
  status: Status,
  file: string,
): Promise<ReceivedContribution & { returns: ReturnedFixes[] }> {
  const head = await headBranch(context)
  const sparse = readIndexFile(context.gitdir).entries.some((entry) => entry.skipWorktree)
  const onReceived = !sparse && head !== null && head.startsWith(RECEIVED_BRANCH_PREFIX)
  if (onReceived) await refuseUnsaved(status)
  const headBefore = head === null ? null : await resolveOptional(context, `refs/heads/${head}`)
  const received = await receiveContribution(context, file)
  if (received.notes !== null) await mergeReceivedNotes(context)
  if (onReceived && (await resolveOptional(context, `refs/heads/${head}`)) !== headBefore) {
    await checkoutForce(context, head)
  }
  const returns: ReturnedFixes[] = []
  for (const branch of received.branches) {
    const own = ownBranchOf(branch.name)
    if (own === null || (await resolveOptional(context, `refs/heads/${own}`)) === null) continue
    returns.push({
      received: branch.name,
      own,
      taken: await takeIfSafe(context, sparse ? null : status, own),
    })
  }
  return { ...received, returns }
}

/**
 * Takes the reviewer's versions into `own` when nothing can be lost: already
 * there, or a fast-forward of a branch that is not checked out (only its ref
 * moves) or is checked out with every page saved. Null: left for the user to
 * ask (`takeReviewerFixes`).
 */
async function takeIfSafe(
  context: RepositoryContext,
  /** Null when no page may move (a sparse checkout). */
  status: Status | null,
  own: string,
): Promise<MergeOutcome | null> {
  const received = `${RECEIVED_BRANCH_PREFIX}${own}`
  const mine = await requireContribution(context, own)
  const theirs = await requireContribution(context, received)
  if (await isMergedInto(context, theirs, mine)) {
    await dropReceived(context, received)
    return { kind: 'already-merged' }
  }
  if (!(await isMergedInto(context, mine, theirs))) return null
  if ((await headBranch(context)) !== own) {
    await git.writeRef({
      fs: context.fs,
      gitdir: context.gitdir,
      ref: `refs/heads/${own}`,
      value: theirs,
      force: true,
    })
  } else {
    if (status === null || (await readMergeState(context.gitdir))) return null
    if ((await status()).some((entry) => entry.x !== '?')) return null
    // A fast-forward: no version is written, so no author is recorded.
    const outcome = await mergeContribution(context, status, received, ATELIER_AUTHOR)
    if (outcome.kind === 'conflicts') return outcome
  }
  await dropReceived(context, received)
  return { kind: 'fast-forward', oid: theirs }
}

/**
 * « Reprendre les corrections du relecteur »: switches to `<own>` if needed
 * (refused with unsaved changes), then merges `recu/<own>` into it — a
 * fast-forward or a merge version; conflicts are left to the conflict flow.
 * Once taken in, the received copy is deleted: `<own>` holds all of it.
 */
export async function takeReviewerFixes(
  context: RepositoryContext,
  status: Status,
  received: string,
  author: Author,
): Promise<MergeOutcome> {
  const own = ownBranchOf(received)
  if (own === null) throw new AtelierError('contribution-not-found', received)
  await requireContribution(context, own)
  await requireContribution(context, received)
  if ((await headBranch(context)) !== own) {
    await refuseUnsaved(status)
    await switchContribution(context, own)
  }
  const outcome = await mergeContribution(context, status, received, author)
  if (outcome.kind !== 'conflicts') await dropReceived(context, received)
  return outcome
}

async function refuseUnsaved(status: Status): Promise<void> {
  const pending = (await status()).filter((entry) => entry.x !== '?')
  if (pending.length > 0) {
    throw new AtelierError('unsaved-changes', pending.map((entry) => entry.path).join(', '))
  }
}

async function checkoutForce(context: RepositoryContext, ref: string): Promise<void> {
  const { fs, root: dir, gitdir, cache } = context
  await withIndexLock(gitdir, () => git.checkout({ fs, dir, gitdir, cache, ref, force: true }))
}

async function dropReceived(context: RepositoryContext, received: string): Promise<void> {
  if ((await headBranch(context)) === received) return
  await git.deleteBranch({ fs: context.fs, gitdir: context.gitdir, ref: received })
}
