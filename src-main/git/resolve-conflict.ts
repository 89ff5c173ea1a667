import fs from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { ConflictTexts } from '../../src-shared/api/types.js'
import { unlessNotFound } from '../fs/not-found.js'
import { atomicGitFs } from './git-fs.js'
import { withIndexLock } from './index-lock.js'
import { readIndexFile } from './index-file.js'
import { clearMergeState, readMergeState } from './merge-state.js'
import type { RepositoryContext } from './repository-context.js'

/** How a person settles a page in conflict, without knowing git. */
export type Resolution =
  | { choice: 'mine' }
  | { choice: 'theirs' }
  /** The text the person edited from the merged text (markers removed by them). */
  | { choice: 'text'; text: string }

/** Mine (stage 2), theirs (stage 3) and the merged text with markers, for one page. */
export async function conflictTexts(
  context: RepositoryContext,
  file: string,
): Promise<ConflictTexts> {
  const stages = conflictStages(context, file)
  // Deleted on one side: the merged text is empty.
  const merged = (await unlessNotFound(readFile(path.join(context.root, file), 'utf8'))) ?? ''
  return {
    path: file,
    mine: await blobText(context, stages.get(2)),
    theirs: await blobText(context, stages.get(3)),
    merged,
  }
}

/** Writes the chosen text and marks the page resolved (its stages replaced by one entry). */
export async function resolveConflict(
  context: RepositoryContext,
  file: string,
  resolution: Resolution,
): Promise<void> {
  const stages = conflictStages(context, file)
  const target = path.join(context.root, file)
  let text: string | null
  if (resolution.choice === 'text') text = resolution.text
  else text = await blobText(context, stages.get(resolution.choice === 'mine' ? 2 : 3))
  const { root: dir, gitdir, cache } = context
  await withIndexLock(gitdir, async () => {
    if (text === null) {
      await rm(target, { force: true })
      await git.remove({ fs: context.fs, dir, gitdir, cache, filepath: file })
    } else {
      await atomicGitFs.promises.writeFile(target, text)
      await git.add({ fs: context.fs, dir, gitdir, cache, filepath: file, force: true })
    }
  })
}

/** Gives up a merge in conflict: the current contribution goes back to its last version. */
export async function abortMerge(context: RepositoryContext): Promise<void> {
  if (!(await readMergeState(context.gitdir))) throw new AtelierError('no-merge')
  const { root: dir, gitdir, cache } = context
  const conflicted = [
    ...new Set(
      readIndexFile(gitdir)
        .entries.filter((e) => e.stage > 0)
        .map((e) => e.path),
    ),
  ]
  await withIndexLock(gitdir, async () => {
    // Put conflicted entries back to the current version, then reset every file.
    for (const filepath of conflicted) {
      await git.resetIndex({ fs: context.fs, dir, gitdir, cache, filepath })
    }
    const branch = await git.currentBranch({ fs, gitdir })
    await git.checkout({ fs: context.fs, dir, gitdir, cache, ref: branch ?? 'HEAD', force: true })
  })
  await clearMergeState(gitdir)
}

function conflictStages(context: RepositoryContext, file: string): Map<number, string> {
  const stages = new Map<number, string>()
  for (const entry of readIndexFile(context.gitdir).entries) {
    if (entry.path === file && entry.stage > 0) stages.set(entry.stage, entry.oid)
  }
  if (stages.size === 0) throw new AtelierError('no-merge', file)
  return stages
}

async function blobText(
  context: RepositoryContext,
  oid: string | undefined,
): Promise<string | null> {
  if (!oid) return null
  return context.objects.read(oid).content.toString('utf8')
}
