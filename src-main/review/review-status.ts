import fs from 'node:fs'
import git from 'isomorphic-git'
import { mainLine } from '../git/main-line.js'
import { readNotes, type NotesMap } from '../git/notes-tree.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { REVIEW_NOTES_REF } from '../git/review-refs.js'
import { ownBranchOf, pendingReturn } from './reviewer-fixes.js'
import { changedFiles } from './changed-files.js'
import { contributionRecords, repo, type ContributionRecords } from './contribution-records.js'
import type { ReviewStatus, ReviewSummary } from '../../src-shared/api/review-types.js'

export type { ReviewSummary } from '../../src-shared/api/review-types.js'

/** Every contribution to review: the received ones (recu/…) and the local branches other than the main line. */
export async function listReviews(context: RepositoryContext): Promise<ReviewSummary[]> {
  const main = await mainLine(context)
  const branches = (await git.listBranches({ fs, gitdir: context.gitdir })).filter(
    (name) => name !== main,
  )
  const notes = (await readNotes(context, REVIEW_NOTES_REF)).notes
  const summaries: ReviewSummary[] = []
  for (const branch of branches) {
    if (await takenIn(context, branch, branches)) continue
    summaries.push(await reviewSummary(context, branch, notes))
  }
  // Most recent work first, as a reviewer's inbox.
  return summaries.sort((a, b) => b.date.localeCompare(a.date) || a.branch.localeCompare(b.branch))
}

/** A return `recu/X` whose versions the user's own `X` already holds: it is `X` now, not another contribution. */
async function takenIn(
  context: RepositoryContext,
  branch: string,
  branches: string[],
): Promise<boolean> {
  const own = ownBranchOf(branch)
  if (own === null || !branches.includes(own)) return false
  return (await pendingReturn(context, own)) === null
}

export async function reviewSummary(
  context: RepositoryContext,
  branch: string,
  notes?: NotesMap,
): Promise<ReviewSummary> {
  const found = await contributionRecords(context, branch, notes)
  const tipCommit = found.commits.find((c) => c.oid === found.tip)?.data
  const person = (tipCommit ?? (await commitData(context, found.tip))).author
  const threads = commentThreads(found)
  return {
    branch,
    tip: found.tip,
    base: found.base,
    author: { name: person.name, email: person.email },
    date: isoDate(person.timestamp),
    pages: await changedPages(context, found.base, found.tip),
    status: reviewStatus(found),
    comments: threads.comments,
    unresolved: threads.unresolved,
    takeInto: await takeInto(context, branch),
  }
}

/**
 * The status rules, from the strongest: integrated (the main line has the
 * tip, or an integration was recorded); approved / changes requested when the
 * latest decision was taken on the current tip (a version added since makes
 * the contribution new to review); commented while a thread is unresolved.
 */
export function reviewStatus(found: ContributionRecords): ReviewStatus {
  const decisions = found.records.flatMap(({ commit, record }) =>
    record.kind === 'decision' ? [{ commit, decision: record.decision }] : [],
  )
  if (decisions.some((d) => d.decision === 'integrated')) return 'integrated'
  // The base is the tip itself when the main line already has the tip.
  if (found.mainTip !== null && found.base === found.tip) return 'integrated'
  const latest = decisions.at(-1)
  if (latest && latest.commit === found.tip) return latest.decision
  return commentThreads(found).unresolved > 0 ? 'commented' : 'to-review'
}

/** Comments counted, and threads (a comment and its replies) not resolved. */
export function commentThreads(found: ContributionRecords): {
  comments: number
  unresolved: number
} {
  const resolved = new Set<string>()
  let comments = 0
  const roots: string[] = []
  for (const { record } of found.records) {
    if (record.kind === 'resolve') resolved.add(record.comment)
    if (record.kind !== 'comment') continue
    comments++
    if (record.replyTo === undefined) roots.push(record.id)
  }
  return { comments, unresolved: roots.filter((id) => !resolved.has(id)).length }
}

/** For a return of the user's own `X` with versions `X` lacks: `X`, where « Reprendre les corrections » brings them. */
async function takeInto(context: RepositoryContext, branch: string): Promise<string | null> {
  const own = ownBranchOf(branch)
  if (own === null) return null
  return (await pendingReturn(context, own)) === null ? null : own
}

/**
 * The files `git diff --name-only base...tip` lists: added, changed, deleted,
 * and a renamed file once, under its new name.
 */
async function changedPages(
  context: RepositoryContext,
  base: string | null,
  tip: string,
): Promise<string[]> {
  return (await changedFiles(context, base, tip)).map((file) => file.path)
}

async function commitData(context: RepositoryContext, oid: string) {
  const { commit } = await git.readCommit({ ...repo(context), oid })
  return { author: { ...commit.author } }
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString()
}
