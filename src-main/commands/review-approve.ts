import path from 'node:path'
import { parseArgs } from 'node:util'
import { translate } from '../../src-shared/i18n/translate.js'
import { commandAuthor } from './command-author.js'
import { switchContribution } from '../git/contributions.js'
import { headBranch } from '../git/head-commit.js'
import { mainLine } from '../git/main-line.js'
import { Repository } from '../git/repository.js'
import { abortMerge } from '../git/resolve-conflict.js'
import { approveAndIntegrate } from '../review/decisions.js'
import { settleApproval } from '../review/pending-approval.js'

/**
 * `review approve <workspace> <branch> [--author "Nom <email>"]`: approves a
 * contribution and integrates it into the main line, for maintainers'
 * scripts. A script has no one to resolve conflicts: on conflicts the merge
 * is given up, the contribution the workspace was on is checked out again,
 * and the command exits 1 with refs, index, work tree and notes as before.
 */
export async function reviewApproveCommand(
  args: string[],
  out: (text: string) => void,
  usage: (text: string) => never,
): Promise<number> {
  const syntax = 'review approve <dossier> <contribution> [--author "Nom <email>"]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { author: { type: 'string' } },
  })
  const [folder, branch] = positionals
  if (!folder || !branch || positionals.length > 2) usage(syntax)
  const repository = await Repository.find(path.resolve(folder))
  if (!repository) throw new Error(translate('fr', 'errors.not-a-repository'))
  const author = await commandAuthor(values.author, repository.root, () => usage(syntax))

  const context = repository.context
  const before = await headBranch(context)
  const status = () => repository.tracker.status({ fresh: true })
  const outcome = await approveAndIntegrate(context, status, branch, author)
  if (outcome.kind === 'conflicts') {
    await abortMerge(context)
    await settleApproval(context)
    if (before !== null && before !== (await headBranch(context))) {
      await switchContribution(context, before)
    }
    out(`${translate('fr', 'errors.review-conflicts')}\n`)
    for (const file of outcome.conflicts) out(`  ${file}\n`)
    return 1
  }
  const oid = outcome.kind === 'already-merged' ? '' : outcome.oid.slice(0, 7)
  const main = await mainLine(context)
  out(`${translate('fr', 'cli.reviewApproved', { branch, main, oid })}\n`)
  return 0
}
