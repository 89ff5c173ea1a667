import fs from 'node:fs'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { RepositoryContext } from './repository-context.js'

/** The commit a version name (branch, `HEAD`, full id) stands for. */
export async function resolveVersion(context: RepositoryContext, version: string): Promise<string> {
  try {
    return await git.resolveRef({ fs, gitdir: context.gitdir, ref: version })
  } catch {
    if (/^[0-9a-f]{40}$/.test(version)) return version
    throw new AtelierError('version-not-found', version)
  }
}

/** A file's bytes as recorded in a version; null when the version has no such file. */
export async function readAtVersion(
  context: RepositoryContext,
  version: string,
  filepath: string,
): Promise<Uint8Array | null> {
  const files = await context.trees.filesOfCommit(await resolveVersion(context, version))
  const file = files.get(filepath)
  if (!file) return null
  return context.objects.read(file.oid).content
}
