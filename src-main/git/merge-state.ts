import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { unlessNotFound } from '../fs/not-found.js'
import { atomicGitFs } from './git-fs.js'

/**
 * A merge waiting for its conflicts, recorded as git records it
 * (`.git/MERGE_HEAD`, `.git/MERGE_MSG`), so native git sees the same merge
 * and `git commit` would finish it too.
 */
export interface MergeState {
  theirs: string
  message: string
}

export async function readMergeState(gitdir: string): Promise<MergeState | null> {
  try {
    const theirs = (await readFile(path.join(gitdir, 'MERGE_HEAD'), 'utf8')).trim().split('\n')[0]
    if (!theirs) return null
    const message = (await unlessNotFound(readFile(path.join(gitdir, 'MERGE_MSG'), 'utf8'))) ?? ''
    return { theirs, message: message.trim() }
  } catch {
    return null
  }
}

export async function writeMergeState(gitdir: string, state: MergeState): Promise<void> {
  await atomicGitFs.promises.writeFile(path.join(gitdir, 'MERGE_MSG'), `${state.message}\n`)
  await atomicGitFs.promises.writeFile(path.join(gitdir, 'MERGE_HEAD'), `${state.theirs}\n`)
}

export async function clearMergeState(gitdir: string): Promise<void> {
  await rm(path.join(gitdir, 'MERGE_HEAD'), { force: true })
  await rm(path.join(gitdir, 'MERGE_MSG'), { force: true })
}

/** The contribution name in our merge message, to show "merging X" in the view. */
export function mergedContributionName(message: string): string | null {
  return /«\s*(.+?)\s*»/.exec(message)?.[1] ?? /Merge branch '(.+?)'/.exec(message)?.[1] ?? null
}
