import path from 'node:path'
import { GitDataError } from './git-data-error.js'

/**
 * Turns isomorphic-git's errors about a missing or unreadable object into a
 * `GitDataError` naming the object's file (`.git/objects/ab/cdef…`), so the
 * user is told which file is damaged rather than an English stack trace.
 */
export function asGitDataError(error: unknown, gitdir: string, knownOid?: string): unknown {
  if (error instanceof GitDataError) return error
  const err = error as { code?: string; data?: { what?: string }; message?: string }
  // The error names the object when isomorphic-git knows it; else the caller does.
  const oid = findOid(err) ?? knownOid ?? null
  if (err.code === 'NotFoundError' && oid) {
    return new GitDataError('missing-object', objectFile(gitdir, oid))
  }
  if (oid && (err.code === 'InternalError' || err.code === 'ObjectTypeError' || isZlibError(err))) {
    return new GitDataError('corrupt-object', objectFile(gitdir, oid))
  }
  if (isZlibError(err)) return new GitDataError('corrupt-object', path.join(gitdir, 'objects'))
  return error
}

export function objectFile(gitdir: string, oid: string): string {
  return path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2))
}

function findOid(err: { data?: { what?: string }; message?: string }): string | null {
  const text = `${err.data?.what ?? ''} ${err.message ?? ''}`
  return /\b[0-9a-f]{40}\b/.exec(text)?.[0] ?? null
}

function isZlibError(err: { message?: string; code?: string }): boolean {
  return (
    /incorrect header check|invalid (stored block|distance|code)|unexpected end of file|Z_DATA_ERROR/i.test(
      err.message ?? '',
    ) || err.code === 'Z_DATA_ERROR'
  )
}
