import fs from 'node:fs'
import { requireContribution } from '../git/contributions.js'
import { mainLine } from '../git/main-line.js'
import { paintHistory } from '../git/history-paint.js'
import { readNotes, readNoteText, resolveOptional, type NotesMap } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { RECEIVED_BRANCH_PREFIX, REVIEW_NOTES_REF } from '../git/review-refs.js'
import type { CommitData } from '../git/parse-objects.js'
import { NOTE_MAX_BYTES, parseRecords, type ReviewRecord } from './review-records.js'

/**
 * What review knows of one contribution: its versions since it left the main
 * line (git's `main..branch`) and the review records kept on them. Records on
 * versions the main line already has belong to earlier contributions.
 */
export interface ContributionRecords {
  branch: string
  mainLine: string
  tip: string
  /** Where the contribution left the main line (merge base); null when they share nothing. */
  base: string | null
  /** The main line's tip; null when there is none yet. */
  mainTip: string | null
  /** Its own versions, newest first (`base..tip`). */
  commits: { oid: string; data: CommitData }[]
  /** Each record with the version it is attached to, oldest first by date. */
  records: { commit: string; record: ReviewRecord }[]
  /** Lines of the notes that could not be read as records. */
  skipped: number
}

export async function contributionRecords(
  context: RepositoryContext,
  branch: string,
  /** The review notes, when the caller already read them (one read for many contributions). */
  notesRead?: NotesMap,
): Promise<ContributionRecords> {
  const tip = await requireContribution(context, branch)
  const main = await mainLine(context)
  const mainTip = await resolveOptional(context, `refs/heads/${main}`)
  const { base, commits } = paintHistory(context, tip, mainTip)
  const notes = notesRead ?? (await readNotes(context, REVIEW_NOTES_REF)).notes
  const records: ContributionRecords['records'] = []
  let skipped = 0
  for (const oid of [
    ...commits.map((c) => c.oid),
    ...(await returnedVersions(context, branch, commits, mainTip)),
  ]) {
    const blob = notes.get(oid)
    if (!blob) continue
    const text = await readNoteText(context, blob, NOTE_MAX_BYTES)
    if (text === null) {
      skipped++
      continue
    }
    const parsed = parseRecords(text)
    skipped += parsed.skipped
    for (const record of parsed.records) records.push({ commit: oid, record })
  }
  records.sort((a, b) => Date.parse(a.record.date) - Date.parse(b.record.date))
  return { branch, mainLine: main, tip, base, mainTip, commits, records, skipped }
}

/**
 * For the user's own contribution `X`, the versions of the reviewer's return
 * `recu/X` that `X` has not taken in yet: the comments he made on them are
 * shown on `X` too, beside her text, before she takes his fixes in.
 */
async function returnedVersions(
  context: RepositoryContext,
  branch: string,
  own: { oid: string }[],
  mainTip: string | null,
): Promise<string[]> {
  if (branch.startsWith(RECEIVED_BRANCH_PREFIX)) return []
  const returned = await resolveOptional(context, `refs/heads/${RECEIVED_BRANCH_PREFIX}${branch}`)
  if (returned === null) return []
  const mine = new Set(own.map((c) => c.oid))
  return paintHistory(context, returned, mainTip)
    .commits.map((c) => c.oid)
    .filter((oid) => !mine.has(oid))
}

export function repo(context: RepositoryContext) {
  return { fs, gitdir: context.gitdir, cache: context.cache }
}
