import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { ReceiveOutcome, SyncRemotes } from '../../src-shared/api/sync-types.js'
import { isInsideFolder } from '../fs/safe-path.js'
import type { Session } from '../session.js'
import { cloneRepository } from '../sync/clone.js'
import { cloneTarget } from '../sync/clone-target.js'
import { SessionCredentialStore, type CredentialStore } from '../sync/credential-store.js'
import { environmentCredentials, firstOf } from '../sync/credentials.js'
import { deepenHistory, isShallow } from '../sync/deepen.js'
import { createProgressRelay } from '../sync/progress-relay.js'
import { pull } from '../sync/pull.js'
import { push } from '../sync/push.js'
import type { RemoteOptions } from '../sync/remote-options.js'
import type { Workspace } from '../workspace/workspace.js'
import type { Handler } from './handler.js'
import type { PlatformHooks } from './platform-hooks.js'

/**
 * The guide online: copy it from its address, receive what others published,
 * publish, deepen a light copy. Progress goes out as `sync.progress`, « Annuler »
 * stops every transfer under way, and a host's refusal (401/403) comes back as
 * its error code for the renderer to ask for a user name and token, kept in
 * `credentials` (encrypted in the app, in memory in the test host).
 */
export function createSyncHandlers(session: Session, platform: Pick<PlatformHooks, 'credentials'>) {
  const store: CredentialStore = platform.credentials ?? new SessionCredentialStore()
  // Typed in the app first; for scripts, `ATELIER_GIT_USERNAME` / `ATELIER_GIT_PASSWORD`.
  const credentials = firstOf(store, environmentCredentials())
  const running = new Set<AbortController>()

  /** Runs one transfer with the progress relay and a signal « Annuler » can raise. */
  const transfer = async <T>(work: (options: RemoteOptions) => Promise<T>): Promise<T> => {
    // One transfer at a time: two on a slow line would each go at half speed, and « Annuler » is one.
    if (running.size > 0) throw new AtelierError('sync-busy')
    const controller = new AbortController()
    running.add(controller)
    const relay = createProgressRelay((event) => session.emit('sync.progress', event))
    try {
      return await work({
        credentials,
        signal: controller.signal,
        onProgress: relay.onProgress,
        onReceived: relay.onReceived,
      })
    } finally {
      running.delete(controller)
    }
  }
  const repositoryOf = () => session.requireRepository()
  const author = () => session.requireAuthor()
  const remotesOf = async (workspace: Workspace | null): Promise<SyncRemotes> => {
    const repository = workspace?.repository
    if (!repository) return { remotes: [], shallow: false }
    const { fs, gitdir } = repository.context
    const remotes = await git.listRemotes({ fs, gitdir })
    return {
      remotes: remotes.map(({ remote, url }) => ({ name: remote, url })),
      shallow: await isShallow(gitdir),
    }
  }
  const afterMove = async (workspace: Workspace) => {
    const info = await workspace.info()
    await workspace.refreshAll()
    session.emit('workspace.changed', info)
  }

  return {
    'sync.clone': (async ({ url, folder, depth }) => {
      const dir = cloneTarget(folder, url)
      // A guide inside the open one would mix two histories (and reach into its `.git`).
      const open = session.current()
      if (open && (await isInsideFolder(open.repository?.root ?? open.root, dir))) {
        throw new AtelierError('clone-target-inside', dir)
      }
      const report = await transfer((options) =>
        cloneRepository({ ...options, url, dir, ...(depth ? { depth } : {}) }),
      )
      // The user asked for this folder: the renderer may open it (`workspace.open`).
      session.allowFolder(dir)
      return { path: dir, ...report }
    }) satisfies Handler<'sync.clone'>,
    'sync.cancel': (async () => {
      for (const controller of running) controller.abort()
      return running.size > 0
    }) satisfies Handler<'sync.cancel'>,
    'sync.pull': (async () => {
      const { workspace, repository } = repositoryOf()
      const who = author()
      const report = await transfer((options) => pull(repository, { ...options, author: who }))
      const outcome = report.outcome
      if (outcome === null || outcome.kind === 'already-merged') {
        return { kind: 'up-to-date' } satisfies ReceiveOutcome
      }
      await afterMove(workspace)
      if (outcome.kind !== 'conflicts') return outcome
      return {
        kind: 'conflicts',
        conflicts: outcome.conflicts.flatMap((file) => workspace.workspacePath(file) ?? []),
      } satisfies ReceiveOutcome
    }) satisfies Handler<'sync.pull'>,
    'sync.push': (async () => {
      const { repository } = repositoryOf()
      const report = await transfer((options) => push(repository, options))
      return {
        pushed: Object.keys(report.pushed).map((ref) => ref.replace(/^refs\/(heads\/)?/, '')),
        bytesSent: report.bytesSent,
      }
    }) satisfies Handler<'sync.push'>,
    'sync.remotes': (async () => remotesOf(session.current())) satisfies Handler<'sync.remotes'>,
    'sync.deepen': (async () => {
      const { workspace, repository } = repositoryOf()
      await transfer((options) => deepenHistory(repository, options))
      session.emit('workspace.changed', await workspace.info())
      return remotesOf(workspace)
    }) satisfies Handler<'sync.deepen'>,
    'sync.credentials.set': (async ({ url, username, token }) => {
      await store.set(url, { username, password: token })
      return true
    }) satisfies Handler<'sync.credentials.set'>,
  }
}
