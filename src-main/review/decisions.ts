import { randomUUID } from 'node:crypto'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { MergeOutcome } from '../../src-shared/api/types.js'
import { requireContribution, switchContribution } from '../git/contributions.js'
import { headBranch } from '../git/head-commit.js'
import { mainLine } from '../git/main-line.js'
import { mergeContribution } from '../git/merge-contribution.js'
import { appendToNote } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { REVIEW_NOTES_REF } from '../git/review-refs.js'
import type { StatusEntry } from '../git/status-entry.js'
import { rememberApproval } from './pending-approval.js'
import { serialiseRecord, type Decision, type Person } from './review-records.js'

/**
 * A reviewer's decisions, recorded as notes on the version decided on (the
 * contribution's tip), with who and when. « Demander des modifications »
 * records only that; « Approuver et intégrer » also merges the contribution
 * into the main line.
 */
export async function requestChanges(
  context: RepositoryContext,
  branch: string,
  author: { name: string; email: string },
): Promise<void> {
  const tip = await requireContribution(context, branch)
  await recordDecisions(context, tip, ['changes-requested'], author)
}

/**
 * Switches to the main line (refused with `unsaved-changes` when the work
 * tree has changes), merges the contribution into it (fast-forward or merge)
 * and records `approved` and `integrated` on the contribution's tip. On
 * conflicts the merge is left for the conflict flow, and who approved is kept
 * until it is saved (then `recordIntegration`) or given up (`pending-approval.ts`).
 */
export async function approveAndIntegrate(
  context: RepositoryContext,
  status: () => Promise<StatusEntry[]>,
  branch: string,
  author: { name: string; email: string },
): Promise<MergeOutcome> {
  const tip = await requireContribution(context, branch)
  const main = await mainLine(context)
  if (branch === main) throw new AtelierError('contribution-current', branch)
  if ((await headBranch(context)) !== main) {
    const pending = (await status()).filter((entry) => entry.x !== '?')
    if (pending.length > 0) {
      throw new AtelierError('unsaved-changes', pending.map((entry) => entry.path).join(', '))
    }
    await switchContribution(context, main)
  }
  const outcome = await mergeContribution(context, status, branch, author)
  // On conflicts, the decisions wait for the merge the conflict flow saves (`settleApproval`).
  if (outcome.kind === 'conflicts') await rememberApproval(context, tip, author)
  else await recordIntegration(context, tip, author)
  return outcome
}

/** Records that `tip` was approved and integrated (after a merge saved through the conflict flow too). */
export async function recordIntegration(
  context: RepositoryContext,
  tip: string,
  author: { name: string; email: string },
): Promise<void> {
  await recordDecisions(context, tip, ['approved', 'integrated'], author)
}

async function recordDecisions(
  context: RepositoryContext,
  tip: string,
  decisions: Decision[],
  author: Person,
): Promise<void> {
  const date = new Date().toISOString()
  const lines = decisions.map((decision) =>
    serialiseRecord({
      kind: 'decision',
      id: randomUUID(),
      decision,
      author: { name: author.name, email: author.email },
      date,
    }),
  )
  const words: Record<Decision, string> = {
    approved: 'approuvée',
    'changes-requested': 'modifications demandées',
    integrated: 'intégrée',
  }
  await appendToNote(
    context,
    REVIEW_NOTES_REF,
    tip,
    lines,
    author,
    `Relecture : ${decisions.map((d) => words[d]).join(', ')}`,
  )
}
