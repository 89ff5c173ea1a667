import type { VersionEntry } from '../../src-shared/api/types.js'
import { headCommit } from './head-commit.js'
import { pageHistory } from './page-history.js'
import type { Person } from './parse-objects.js'
import { resolveVersion } from './read-version.js'
import type { RepositoryContext } from './repository-context.js'
import { walkCommits, type CommitEntry } from './walk-commits.js'

export interface HistoryRequest {
  /** One page's history (the versions that changed it); the whole workspace when absent. */
  path?: string
  /** Most recent first, at most this many. */
  limit?: number
  /** Start from this version or contribution instead of the current one. */
  ref?: string
}

/** The timeline: who recorded which version, when, with which message. */
export async function history(
  context: RepositoryContext,
  request: HistoryRequest = {},
): Promise<VersionEntry[]> {
  const start =
    request.ref === undefined
      ? await headCommit(context)
      : await resolveVersion(context, request.ref)
  if (start === null) return []
  const limit = request.limit ?? Infinity
  if (request.path) {
    return (await pageHistory(context, start, request.path, limit)).map(toVersionEntry)
  }
  const result: VersionEntry[] = []
  for await (const entry of walkCommits(context, start)) {
    result.push(toVersionEntry(entry))
    if (result.length >= limit) break
  }
  return result
}

export function toVersionEntry({ oid, commit }: CommitEntry): VersionEntry {
  return {
    oid,
    message: commit.message.trim(),
    author: commit.author.name,
    email: commit.author.email,
    date: isoDate(commit.author),
    parents: commit.parents,
  }
}

/** ISO 8601 in the author's own time zone, as `git log --date=iso-strict` prints it. */
function isoDate({ timestamp, offsetMinutes }: Person): string {
  const local = new Date((timestamp + offsetMinutes * 60) * 1000).toISOString().slice(0, 19)
  const sign = offsetMinutes >= 0 ? '+' : '-'
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0')
  return `${local}${sign}${hours}:${minutes}`
}
