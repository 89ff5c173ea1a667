import { ATELIER_AUTHOR } from '../git/author.js'
import { importBundle } from '../git/bundle-import.js'
import { mainLine } from '../git/main-line.js'
import { mergeNotes, resolveOptional } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { RECEIVED_BRANCH_PREFIX, RECEIVED_NOTES_REF, REVIEW_NOTES_REF } from '../git/review-refs.js'

export type { ReceivedContribution } from '../../src-shared/api/review-types.js'
import type { ReceivedContribution } from '../../src-shared/api/review-types.js'

/**
 * « Ouvrir une contribution reçue »: imports a file someone sent. Its branch
 * `X` becomes `recu/X` (a file already naming `recu/X` keeps that name), its
 * review notes wait at RECEIVED_NOTES_REF (with any an earlier file left
 * there, merged with them) until they join the review notes; anything
 * aimed at the main line, a tag, HEAD or any other ref refuses the whole file,
 * so a received file can never move the guide or the user's own work.
 */
export async function receiveContribution(
  context: RepositoryContext,
  file: string,
): Promise<ReceivedContribution> {
  const main = `refs/heads/${await mainLine(context)}`
  const mapRef = (name: string): string | null => {
    if (name === REVIEW_NOTES_REF) return RECEIVED_NOTES_REF
    if (!name.startsWith('refs/heads/') || name === main) return null
    const branch = name.slice('refs/heads/'.length)
    const received = branch.startsWith(RECEIVED_BRANCH_PREFIX)
      ? branch
      : `${RECEIVED_BRANCH_PREFIX}${branch}`
    return received === RECEIVED_BRANCH_PREFIX ? null : `refs/heads/${received}`
  }
  const moved = await importBundle(context, file, mapRef)
  // Notes of an earlier file still waiting (not merged yet) are merged with this file's, never lost.
  const waiting = moved.find((ref) => ref.name === RECEIVED_NOTES_REF)?.waiting
  if (waiting !== undefined) {
    await mergeNotes(
      context,
      RECEIVED_NOTES_REF,
      waiting,
      ATELIER_AUTHOR,
      'Relecture : notes reçues réunies',
    )
  }
  return {
    branches: moved
      .filter((ref) => ref.name.startsWith('refs/heads/'))
      .map((ref) => ({ name: ref.name.slice('refs/heads/'.length), oid: ref.oid })),
    notes: await resolveOptional(context, RECEIVED_NOTES_REF),
  }
}
