import fs from 'node:fs'
import git from 'isomorphic-git'
import { ATELIER_AUTHOR } from '../git/author.js'
import { mergeNotes } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { RECEIVED_NOTES_REF, REVIEW_NOTES_REF } from '../git/review-refs.js'

/**
 * Merges the notes waiting at RECEIVED_NOTES_REF into REVIEW_NOTES_REF (union of lines) and deletes RECEIVED_NOTES_REF.
 * The union is git's `cat_sort_uniq` notes merge, so a maintainer running
 * `git notes merge -s cat_sort_uniq` on the same two refs gets the same notes.
 * A received history that cannot be read is refused (`review-notes-damaged`)
 * and left where it is; REVIEW_NOTES_REF is then unchanged.
 */
export async function mergeReceivedNotes(context: RepositoryContext): Promise<void> {
  await mergeNotes(
    context,
    REVIEW_NOTES_REF,
    RECEIVED_NOTES_REF,
    ATELIER_AUTHOR,
    'Relecture : notes reçues fusionnées',
  )
  try {
    await git.deleteRef({ fs, gitdir: context.gitdir, ref: RECEIVED_NOTES_REF })
  } catch (error) {
    if ((error as { code?: string }).code !== 'NotFoundError') throw error
  }
}
