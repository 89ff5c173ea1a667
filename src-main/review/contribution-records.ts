import fs from 'node:fs'
import git from 'isomorphic-git'
import { requireContribution } from '../git/contributions.js'
import { mainLine } from '../git/main-line.js'
import { readNotes, readNoteText, resolveOptional } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { REVIEW_NOTES_REF } from '../git/review-refs.js'
import { readCommit } from '../git/tree-files.js'
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

/** Past this many versions a contribution is not walked further (a whole history is not a contribution). */
export const CONTRIBUTION_MAX_COMMITS = 10_000

export async function contributionRecords(
  context: RepositoryContext,
  branch: string,
): Promise<ContributionRecords> {
  const tip = await requireContribution(context, branch)
  const main = await mainLine(context)
  const mainTip = await resolveOptional(context, `refs/heads/${main}`)
  const base =
    mainTip === null
      ? null
      : (((await git.findMergeBase({ ...repo(context), oids: [tip, mainTip] }))[0] as
          string | undefined) ?? null)
  const commits = await ownCommits(context, tip, base)
  const notes = (await readNotes(context, REVIEW_NOTES_REF)).notes
  const records: ContributionRecords['records'] = []
  let skipped = 0
  for (const { oid } of commits) {
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

/** `base..tip`: the versions reachable from the tip that the base does not have. */
async function ownCommits(
  context: RepositoryContext,
  tip: string,
  base: string | null,
): Promise<{ oid: string; data: CommitData }[]> {
  const read = (oid: string) => readCommit(context.objects, context.gitdir, oid)
  const baseTime = base === null ? 0 : read(base).committer.timestamp
  const result: { oid: string; data: CommitData }[] = []
  const seen = new Set<string>()
  const pending = [tip]
  while (pending.length > 0 && result.length < CONTRIBUTION_MAX_COMMITS) {
    const oid = pending.shift()!
    if (seen.has(oid) || oid === base) continue
    seen.add(oid)
    const data = read(oid)
    // Usually the walk meets the base itself; a version merged in from the main line
    // is recognised as one of the base's ancestors (only older versions need the check).
    if (
      base !== null &&
      data.committer.timestamp <= baseTime &&
      (await git.isDescendent({ ...repo(context), oid: base, ancestor: oid, depth: -1 }))
    ) {
      continue
    }
    result.push({ oid, data })
    pending.push(...data.parents)
  }
  result.sort((a, b) => b.data.committer.timestamp - a.data.committer.timestamp)
  return result
}

export function repo(context: RepositoryContext) {
  return { fs, gitdir: context.gitdir, cache: context.cache }
}
