import type { Author, MergeOutcome } from '../../src-shared/api/types.js'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { headBranch } from '../git/head-commit.js'
import { mergeVersion } from '../git/merge-contribution.js'
import type { Repository } from '../git/repository.js'
import { fetchRemote, REMOTE, type FetchReport } from './fetch-remote.js'
import type { RemoteOptions } from './remote-options.js'

export interface PullReport {
  fetched: FetchReport
  /** null when the host has no line of the current one's name (nothing to bring in). */
  outcome: MergeOutcome | null
}

/**
 * « Recevoir les nouveautés »: receive from the host, then bring its version
 * of the current line in with the Versions view's merge — a fast-forward, a
 * merge version, or conflicts left for the usual conflict flow.
 */
export async function pull(
  repository: Repository,
  options: RemoteOptions & { author: Author },
): Promise<PullReport> {
  const fetched = await repository.run((context) => fetchRemote(context, options))
  const outcome = await repository.run(
    async (context, status) => {
      const ours = await headBranch(context)
      if (ours === null) throw new AtelierError('unsupported', 'detached HEAD')
      const theirs = fetched.branches[ours]
      if (theirs === undefined) return null
      const message = `Fusion des nouveautés de « ${REMOTE} » dans « ${ours} »`
      return mergeVersion(
        context,
        status,
        { ours, theirs, ref: `refs/remotes/${REMOTE}/${ours}`, message },
        options.author,
      )
    },
    { moves: true },
  )
  return { fetched, outcome }
}
