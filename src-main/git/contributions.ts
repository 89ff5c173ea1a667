import fs from 'node:fs'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Contribution } from '../../src-shared/api/types.js'
import { headBranch, headCommit } from './head-commit.js'
import { withIndexLock } from './index-lock.js'
import { readMergeState } from './merge-state.js'
import type { RepositoryContext } from './repository-context.js'

/**
 * Contributions are git branches, named for the people who make them
 * ("aminata", "relecture-ousmane"). One file of small commands, as each is a
 * few lines over isomorphic-git.
 */

/** A person's name made into a valid branch name: spaces become dashes, accents are kept. */
export function contributionName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    // eslint-disable-next-line no-control-regex -- control characters are what git refuses
    .replace(/[~^:?*[\\\x00-\x1f\x7f]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[./]+$/g, '')
  if (!cleaned || cleaned.endsWith('.lock') || cleaned.includes('@{') || cleaned === 'HEAD') {
    throw new AtelierError('contribution-name', name)
  }
  return cleaned
}

export async function listContributions(context: RepositoryContext): Promise<Contribution[]> {
  const { gitdir } = context
  const current = await headBranch(context)
  const head = await headCommit(context)
  const names = await git.listBranches({ fs, gitdir })
  const result: Contribution[] = []
  for (const name of names.sort((a, b) => a.localeCompare(b, 'fr'))) {
    const oid = await git.resolveRef({ fs, gitdir, ref: `refs/heads/${name}` })
    result.push({
      name,
      current: name === current,
      oid,
      merged: head !== null && (await isMergedInto(context, oid, head)),
    })
  }
  return result
}

/** True when `oid` is `head` or one of its ancestors: nothing of it would be lost. */
export async function isMergedInto(
  context: RepositoryContext,
  oid: string,
  head: string,
): Promise<boolean> {
  if (oid === head) return true
  return git.isDescendent({
    fs,
    gitdir: context.gitdir,
    cache: context.cache,
    oid: head,
    ancestor: oid,
    depth: -1,
  })
}

/** Creates a contribution from the current version. */
export async function createContribution(
  context: RepositoryContext,
  name: string,
): Promise<string> {
  const ref = contributionName(name)
  const existing = await git.listBranches({ fs, gitdir: context.gitdir })
  if (existing.includes(ref)) throw new AtelierError('contribution-exists', ref)
  if ((await headCommit(context)) === null) throw new AtelierError('nothing-to-commit')
  try {
    await git.branch({ fs: context.fs, gitdir: context.gitdir, ref })
  } catch (error) {
    if ((error as { code?: string }).code === 'InvalidRefNameError') {
      throw new AtelierError('contribution-name', name)
    }
    throw error
  }
  return ref
}

/**
 * Switches to another contribution. Unsaved changes come along when the two
 * contributions have the same version of those files; otherwise the switch is
 * refused and the pages concerned are named (`unsaved-changes`).
 */
export async function switchContribution(context: RepositoryContext, name: string): Promise<void> {
  await requireContribution(context, name)
  if (await readMergeState(context.gitdir)) throw new AtelierError('merge-in-progress')
  await withIndexLock(context.gitdir, async () => {
    try {
      await git.checkout({
        fs: context.fs,
        dir: context.root,
        gitdir: context.gitdir,
        cache: context.cache,
        ref: name,
      })
    } catch (error) {
      const err = error as { code?: string; data?: { filepaths?: string[] } }
      if (err.code === 'CheckoutConflictError') {
        throw new AtelierError('unsaved-changes', (err.data?.filepaths ?? []).join(', '))
      }
      throw error
    }
  })
}

/** Deletes a contribution whose work is already merged into the current one. */
export async function deleteContribution(context: RepositoryContext, name: string): Promise<void> {
  const oid = await requireContribution(context, name)
  if ((await headBranch(context)) === name) throw new AtelierError('contribution-current', name)
  const head = await headCommit(context)
  if (head === null || !(await isMergedInto(context, oid, head))) {
    throw new AtelierError('contribution-not-merged', name)
  }
  await git.deleteBranch({ fs: context.fs, gitdir: context.gitdir, ref: name })
}

export async function requireContribution(
  context: RepositoryContext,
  name: string,
): Promise<string> {
  try {
    return await git.resolveRef({ fs, gitdir: context.gitdir, ref: `refs/heads/${name}` })
  } catch {
    throw new AtelierError('contribution-not-found', name)
  }
}
