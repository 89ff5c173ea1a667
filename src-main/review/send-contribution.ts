import fs from 'node:fs'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { writeBundle } from '../git/bundle-write.js'
import { GitDataError } from '../git/git-data-error.js'
import { mainLine } from '../git/main-line.js'
import { mergeBases } from '../git/merge-bases.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { RECEIVED_BRANCH_PREFIX, REVIEW_NOTES_REF } from '../git/review-refs.js'
import { pendingReturn } from './reviewer-fixes.js'

export interface SendRequest {
  branch: string
  /** A complete file (whole history) for a receiver who has nothing yet. */
  full: boolean
  file: string
}

export type { SentContribution } from '../../src-shared/api/review-types.js'
import type { SentContribution } from '../../src-shared/api/review-types.js'

/**
 * « Envoyer ma contribution »: one bundle file holding the contribution's
 * versions that the main line does not have, and the review notes.
 *
 * - refs: `refs/heads/<branch>` with any `recu/` prefix taken off, so that a
 *   file sent back to the contributor arrives as `recu/<name>` on their side
 *   and never moves their own branch; plus `REVIEW_NOTES_REF` when it exists
 *   (its commits are never on the main line, so all of them travel).
 * - prerequisites: the merge base(s) of the branch with the main line, so the
 *   file is thin. None — a complete file — when `full` is asked, when the
 *   branch shares no history with the main line, or when the branch has no
 *   version of its own (it is the main line or one of its ancestors): a thin
 *   file would then carry nothing, and git refuses empty bundles.
 */
export async function sendContribution(
  context: RepositoryContext,
  request: SendRequest,
): Promise<SentContribution> {
  const file = path.resolve(request.file)
  const relative = path.relative(path.resolve(context.gitdir), file)
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new AtelierError('git-folder', request.file)
  }
  const tip = await resolve(context, `refs/heads/${request.branch}`)
  if (tip === null) throw new AtelierError('contribution-not-found', request.branch)
  // A file that leaves out the reviewer's fixes would not extend his copy: his import refuses it.
  if ((await pendingReturn(context, request.branch)) !== null) {
    throw new AtelierError('contribution-return-pending', request.branch)
  }
  const name = request.branch.startsWith(RECEIVED_BRANCH_PREFIX)
    ? request.branch.slice(RECEIVED_BRANCH_PREFIX.length)
    : request.branch
  const refs = [{ name: `refs/heads/${name}`, oid: tip }]
  const notes = await resolve(context, REVIEW_NOTES_REF)
  if (notes !== null) refs.push({ name: REVIEW_NOTES_REF, oid: notes })
  const prerequisites = request.full ? [] : await basesOnMainLine(context, tip)
  try {
    const written = await writeBundle(context, { refs, prerequisites }, file)
    return { file, bytes: written.bytes, prerequisites, refs }
  } catch (error) {
    if (error instanceof GitDataError) throw new AtelierError(error.kind, error.file)
    // The chosen folder is gone, read-only or full: the disk's refusal, in French.
    if (
      typeof (error as { code?: unknown }).code === 'string' &&
      !(error instanceof AtelierError)
    ) {
      throw new AtelierError('io', file)
    }
    throw error
  }
}

/** The versions of the main line the contribution starts from; empty when a thin file cannot be. */
async function basesOnMainLine(context: RepositoryContext, tip: string): Promise<string[]> {
  const main = await resolve(context, `refs/heads/${await mainLine(context)}`)
  if (main === null) return []
  try {
    const bases = mergeBases(context, tip, main)
    return bases.includes(tip) ? [] : bases
  } catch (error) {
    if (error instanceof GitDataError) throw new AtelierError(error.kind, error.file)
    throw error
  }
}

async function resolve(context: RepositoryContext, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, gitdir: context.gitdir, ref })
  } catch {
    return null
  }
}

/** Characters that have no decomposition to a plain letter. */
const LIGATURES: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ð: 'd',
  þ: 'th',
}

/**
 * The suggested file name, after the person and the day (the sender's local
 * date): `contribution-aminata-diallo-2026-12-02.bundle`. Accents are
 * transliterated and everything else becomes hyphens, so the name is the
 * same on every system, survives e-mail and zip tools that mangle non-ASCII
 * names, and holds no character Windows refuses.
 */
export function contributionFileName(person: string, date: Date): string {
  const slug = person
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[œæßøđłðþ]/g, (letter) => LIGATURES[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '')
  const day = [
    String(date.getFullYear()).padStart(4, '0'),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-')
  return slug ? `contribution-${slug}-${day}.bundle` : `contribution-${day}.bundle`
}
