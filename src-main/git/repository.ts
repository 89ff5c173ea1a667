import fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type {
  Author,
  ConflictTexts,
  Contribution,
  FileChange,
  MergeOutcome,
  VersionEntry,
  VersionsStatus,
} from '../../src-shared/api/types.js'
import { comparePages, type PageComparison } from '../../src-shared/diff/page-comparison.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { commitChanges, type CommitRequest } from './commit-changes.js'
import {
  createContribution,
  deleteContribution,
  listContributions,
  switchContribution,
} from './contributions.js'
import { createGitFs } from './git-fs.js'
import { GitDataError } from './git-data-error.js'
import { headBranch, headCommit } from './head-commit.js'
import { headFilesFromIndex } from './head-files.js'
import { history, type HistoryRequest } from './history.js'
import { readIndexFile } from './index-file.js'
import { clearStaleLock, lockAge } from './index-lock.js'
import { mergeContribution } from './merge-contribution.js'
import { mergedContributionName, readMergeState } from './merge-state.js'
import { renderPlainIndex } from './plain-index.js'
import { indexSeconds, smudgeRacyEntries } from './racy-entries.js'
import { readAtVersion } from './read-version.js'
import type { RepositoryContext } from './repository-context.js'
import { abortMerge, conflictTexts, resolveConflict, type Resolution } from './resolve-conflict.js'
import type { StatusEntry } from './status-entry.js'
import { StatusTracker } from './status-tracker.js'
import { ObjectStore } from './object-store.js'
import { readCommit, readTree, TreeReader } from './tree-files.js'

/**
 * One git repository as Atelier uses it: an incremental status and the
 * version commands, each in its own module. Operations run one at a time
 * (a queue), since two writers of the same index would corrupt it.
 */
export class Repository {
  readonly context: RepositoryContext
  readonly tracker: StatusTracker
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(root: string) {
    const gitdir = path.join(root, '.git')
    const cache = {}
    const objects = new ObjectStore(gitdir)
    const trees = new TreeReader(gitdir, objects)
    const listTree = (oid: string) => trees.filesOfTreeNow(oid)
    const indexFile = path.resolve(gitdir, 'index')
    const plainCopy = () => {
      const index = readIndexFile(gitdir, listTree)
      return index.needsPlainCopy ? renderPlainIndex(index.entries) : null
    }
    this.context = {
      root,
      gitdir,
      cache,
      objects,
      fs: createGitFs((oid) => objects.has(oid), {
        file: indexFile,
        plainCopy,
        beforeWrite: (bytes) => {
          const previous = indexSeconds(indexFile)
          return previous === null ? bytes : smudgeRacyEntries(bytes, root, previous)
        },
      }),
      trees,
    }
    this.tracker = new StatusTracker(root, gitdir, {
      headOid: () => headCommit(this.context),
      filesOf: async (oid, index) =>
        oid === null
          ? new Map()
          : headFilesFromIndex(
              readCommit(objects, gitdir, oid).tree,
              index.entries,
              index.cacheTree,
              (tree) => readTree(objects, gitdir, tree),
            ),
      listTree,
    })
  }

  /**
   * The repository holding `folder` (which may be nested inside it), or null. A `.git`
   * that is a file (a linked worktree, `--separate-git-dir`, a submodule) is refused with
   * `git-file`: every module here reads `<root>/.git/` as the repository's folder.
   */
  static async find(folder: string): Promise<Repository | null> {
    let root: string
    try {
      root = await git.findRoot({ fs, filepath: path.resolve(folder) })
    } catch {
      return null
    }
    if (!(await fs.promises.lstat(path.join(root, '.git'))).isDirectory()) {
      throw new AtelierError('git-file', root)
    }
    return new Repository(root)
  }

  get root(): string {
    return this.context.root
  }

  /** Files changed on disk (from the watcher or a save): only they are looked at again. */
  noteChanged(paths: Iterable<string>): void {
    this.tracker.update(paths)
  }

  /** Git's own status lines (for the CLI and for comparisons with native git). */
  async statusEntries(options: { ignored?: boolean } = {}): Promise<StatusEntry[]> {
    return this.exclusive(() => this.guard(() => this.tracker.status(options)))
  }

  async status(): Promise<VersionsStatus> {
    const entries = await this.statusEntries()
    const merge = await readMergeState(this.context.gitdir)
    const age = await lockAge(this.context.gitdir)
    const changes = entries.flatMap(toFileChange)
    return {
      repository: true,
      branch: await headBranch(this.context),
      changes,
      merge: merge
        ? {
            contribution: mergedContributionName(merge.message) ?? merge.theirs.slice(0, 7),
            conflicts: changes.filter((c) => c.kind === 'conflicted').map((c) => c.path),
          }
        : null,
      lock: age === null ? null : { ageSeconds: Math.round(age / 1000) },
    }
  }

  async commit(request: CommitRequest): Promise<string> {
    return this.exclusive(async () => {
      const entries = await this.guard(() => this.tracker.status({ fresh: true }))
      return this.guard(() => commitChanges(this.context, entries, request, this.tracker.lastRead))
    })
  }

  async history(request: HistoryRequest = {}): Promise<VersionEntry[]> {
    return this.guard(() => history(this.context, request))
  }

  /** A page's text at a version (null: the page did not exist then). */
  async pageAt(version: string, file: string): Promise<string | null> {
    const bytes = await this.guard(() => readAtVersion(this.context, version, file))
    return bytes === null ? null : Buffer.from(bytes).toString('utf8')
  }

  /**
   * Two versions of a page compared; `to` absent means the page as it is on disk now.
   * `fromFile`: the page's name at `from`, when it was renamed since.
   */
  async compare(
    file: string,
    from: string,
    to?: string,
    fromFile: string = file,
  ): Promise<PageComparison> {
    const before = await this.pageAt(from, fromFile)
    const after = to === undefined ? await this.workTreeText(file) : await this.pageAt(to, file)
    return comparePages(before, after)
  }

  /**
   * Puts a page back as it was at a version — written as a new change to
   * save as a version, never by rewriting history. A page absent from that
   * version is refused rather than deleted.
   */
  async restore(file: string, version: string): Promise<void> {
    const text = await this.pageAt(version, file)
    if (text === null) throw new AtelierError('not-found', file)
    await writeFileAtomic(path.join(this.root, file), text)
    this.tracker.update([file])
  }

  async contributions(): Promise<Contribution[]> {
    return this.guard(() => listContributions(this.context))
  }

  async createContribution(name: string, options: { switchTo: boolean }): Promise<string> {
    return this.exclusive(async () => {
      if (options.switchTo) await this.refuseSparseCheckout()
      const ref = await createContribution(this.context, name)
      if (options.switchTo) await switchContribution(this.context, ref)
      return ref
    })
  }

  async switchContribution(name: string): Promise<void> {
    await this.exclusive(async () => {
      await this.refuseSparseCheckout()
      await switchContribution(this.context, name)
      this.tracker.reset()
    })
  }

  async deleteContribution(name: string): Promise<void> {
    await this.exclusive(() => deleteContribution(this.context, name))
  }

  async merge(name: string, author: Author): Promise<MergeOutcome> {
    return this.exclusive(async () => {
      await this.refuseSparseCheckout()
      const outcome = await this.guard(() =>
        mergeContribution(this.context, () => this.tracker.status({ fresh: true }), name, author),
      )
      this.tracker.reset()
      return outcome
    })
  }

  async conflict(file: string): Promise<ConflictTexts> {
    return this.guard(() => conflictTexts(this.context, file))
  }

  async resolve(file: string, resolution: Resolution): Promise<void> {
    await this.exclusive(async () => {
      await this.refuseSparseCheckout()
      await resolveConflict(this.context, file, resolution)
      this.tracker.update([file])
    })
  }

  async abortMerge(): Promise<void> {
    await this.exclusive(async () => {
      await this.refuseSparseCheckout()
      await abortMerge(this.context)
      this.tracker.reset()
    })
  }

  /**
   * Runs a command of a layer above git/ (review: bundles, notes, approval) in
   * the queue, so it never writes while a version is being recorded. `status`
   * is the fresh status such a command may need; `moves` says it may change
   * HEAD or the work tree, so the incremental status starts over afterwards
   * (refused in a sparse checkout); `mayMove` says it may, but only where the
   * checkout is not sparse (it checks that itself: opening a received file).
   */
  async run<T>(
    operation: (context: RepositoryContext, status: () => Promise<StatusEntry[]>) => Promise<T>,
    options: { moves?: boolean; mayMove?: boolean } = {},
  ): Promise<T> {
    return this.exclusive(async () => {
      if (options.moves) await this.refuseSparseCheckout()
      try {
        return await this.guard(() =>
          operation(this.context, () => this.tracker.status({ fresh: true })),
        )
      } finally {
        if (options.moves || options.mayMove) this.tracker.reset()
      }
    })
  }

  /**
   * Runs a read-only command of a layer above git/ (the review list, a rendered diff,
   * comments) outside the queue, as history and versions are read: a slow read — two
   * renders of a long page — never holds up a comment or a decision behind it.
   */
  async read<T>(operation: (context: RepositoryContext) => Promise<T>): Promise<T> {
    return this.guard(() => operation(this.context))
  }

  /** Removes a `.git/index.lock` left by an interrupted operation, once the user confirms. */
  async clearLock(): Promise<boolean> {
    return this.exclusive(() => clearStaleLock(this.context.gitdir))
  }

  /** A file of the work tree as text, null when it is absent (the page on disk, for comparisons). */
  async workTreeText(file: string): Promise<string | null> {
    try {
      return await readFile(path.join(this.root, file), 'utf8')
    } catch {
      return null
    }
  }

  /**
   * isomorphic-git's checkout and merge write every file of a version: in a
   * sparse checkout they would fill in the folders left out and break the
   * index's skip-worktree entries. Those operations are refused there, before
   * anything is touched; status and recording a version work.
   */
  private async refuseSparseCheckout(): Promise<void> {
    const index = await this.guard(async () => readIndexFile(this.context.gitdir))
    if (index.entries.some((entry) => entry.skipWorktree)) {
      throw new AtelierError('unsupported-index', 'sparse-checkout')
    }
  }

  /** Runs operations one after another, so two never write the index at once. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Damage found in the repository becomes an error the user can read. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      if (error instanceof GitDataError) throw new AtelierError(error.kind, error.file)
      throw error
    }
  }
}

/** Git's two letters in the "Versions" view's words; one line may give two changes. */
export function toFileChange(entry: StatusEntry): FileChange[] {
  const code = `${entry.x}${entry.y}`
  if (code === '??') return [{ path: entry.path, kind: 'new' }]
  if (entry.x === 'U' || entry.y === 'U' || code === 'AA' || code === 'DD') {
    return [{ path: entry.path, kind: 'conflicted' }]
  }
  if (entry.x === 'R') {
    const renamed: FileChange = { path: entry.path, kind: 'renamed' }
    if (entry.from !== undefined) renamed.from = entry.from
    return [renamed]
  }
  // ` A`: added with `git add -N`, its content not staged yet.
  if (entry.x === 'A' || entry.y === 'A') {
    return entry.y === 'D' ? [] : [{ path: entry.path, kind: 'new' }]
  }
  if (entry.x === 'D' || entry.y === 'D') return [{ path: entry.path, kind: 'deleted' }]
  return [{ path: entry.path, kind: 'modified' }]
}
