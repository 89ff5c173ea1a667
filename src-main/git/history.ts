import fs from 'node:fs'
import git, { type ReadCommitResult } from 'isomorphic-git'
import type { VersionEntry } from '../../src-shared/api/types.js'
import { headCommit } from './head-commit.js'
import { asGitDataError } from './object-errors.js'
import type { RepositoryContext } from './repository-context.js'

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
  if (request.ref === undefined && (await headCommit(context)) === null) return []
  let commits: ReadCommitResult[]
  try {
    commits = await git.log({
      fs,
      gitdir: context.gitdir,
      cache: context.cache,
      ref: request.ref ?? 'HEAD',
      ...(request.limit ? { depth: request.limit } : {}),
      ...(request.path ? { filepath: request.path, force: true } : {}),
    })
  } catch (error) {
    throw asGitDataError(error, context.gitdir)
  }
  return commits.map(toVersionEntry)
}

export function toVersionEntry({ oid, commit }: ReadCommitResult): VersionEntry {
  return {
    oid,
    message: commit.message.trim(),
    author: commit.author.name,
    email: commit.author.email,
    date: isoDate(commit.author.timestamp, commit.author.timezoneOffset),
    parents: commit.parent,
  }
}

/** ISO 8601 in the author's own time zone, as `git log --date=iso-strict` prints it. */
function isoDate(timestamp: number, timezoneOffset: number): string {
  // isomorphic-git's offset has the sign of JavaScript's getTimezoneOffset (minutes west).
  const offset = -timezoneOffset
  const local = new Date((timestamp + offset * 60) * 1000).toISOString().slice(0, 19)
  const sign = offset >= 0 ? '+' : '-'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${local}${sign}${hours}:${minutes}`
}
