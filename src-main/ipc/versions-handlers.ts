import { translate } from '../../src-shared/i18n/translate.js'
import type { VersionsStatus } from '../../src-shared/api/types.js'
import type { Repository } from '../git/repository.js'
import { recordIntegration } from '../review/decisions.js'
import { settleApproval } from '../review/pending-approval.js'
import type { Session } from '../session.js'
import type { Workspace } from '../workspace/workspace.js'
import type { Handler } from './handler.js'

/**
 * The "Versions" calls. Paths cross the boundary as the workspace names them,
 * pass the workspace's gate (inside, no symlink out, never `.git`) and are
 * translated to the repository's (the folder may be nested in it).
 */
export function createVersionsHandlers(session: Session) {
  const repositoryOf = () => session.requireRepository()
  /** The gate, then the repository's name for the file. */
  const checked = async (workspace: Workspace, file: string) => {
    const absolute = await workspace.resolve(file)
    return {
      path: workspace.relativePath(absolute),
      inRepository: workspace.repositoryPath(absolute),
    }
  }
  const author = () => session.requireAuthor()
  const status = async (workspace: Workspace): Promise<VersionsStatus> => {
    if (!workspace.repository) {
      return { repository: false, branch: null, changes: [], merge: null, lock: null }
    }
    const raw = await workspace.repository.status()
    const changes = raw.changes.flatMap((change) => {
      const file = workspace.workspacePath(change.path)
      if (file === null) return []
      const from = change.from === undefined ? null : workspace.workspacePath(change.from)
      return [{ ...change, path: file, ...(from === null ? {} : { from }) }]
    })
    const merge = raw.merge && {
      ...raw.merge,
      conflicts: raw.merge.conflicts.flatMap((file) => workspace.workspacePath(file) ?? []),
    }
    return { ...raw, changes, merge }
  }
  const afterSwitch = async (workspace: Workspace) => {
    // Pages changed on disk: the index and the open editors must hear of it.
    const info = await workspace.info()
    await workspace.refreshAll()
    session.emit('workspace.changed', info)
    return info
  }

  return {
    'settings.setAuthor': (async ({ name, email }) => {
      await session.settings.setAuthor({ name, email })
      return session.settings.publicSettings()
    }) satisfies Handler<'settings.setAuthor'>,
    'versions.status': (async () =>
      status(session.requireWorkspace())) satisfies Handler<'versions.status'>,
    'versions.start': (async () => {
      const workspace = session.requireWorkspace()
      await workspace.startHistory(
        author(),
        translate(session.settings.get().language, 'versions.firstVersion'),
      )
      return status(workspace)
    }) satisfies Handler<'versions.start'>,
    'versions.commit': (async ({ message, paths }) => {
      const { workspace, repository } = repositoryOf()
      const files = paths && (await Promise.all(paths.map((file) => checked(workspace, file))))
      const oid = await repository.commit({
        message,
        author: author(),
        ...(files ? { paths: files.map((file) => file.inRepository) } : {}),
      })
      await settleApprovalOf(repository)
      return { oid }
    }) satisfies Handler<'versions.commit'>,
    'versions.history': (async ({ path, limit }) => {
      const { workspace, repository } = repositoryOf()
      return repository.history({
        ...(path ? { path: (await checked(workspace, path)).inRepository } : {}),
        ...(limit ? { limit } : {}),
      })
    }) satisfies Handler<'versions.history'>,
    'versions.pageAt': (async ({ path, version }) => {
      const { workspace, repository } = repositoryOf()
      return repository.pageAt(version, (await checked(workspace, path)).inRepository)
    }) satisfies Handler<'versions.pageAt'>,
    'versions.compare': (async ({ path, fromPath, from, to }) => {
      const { workspace, repository } = repositoryOf()
      const file = (await checked(workspace, path)).inRepository
      const before =
        fromPath === undefined ? file : (await checked(workspace, fromPath)).inRepository
      return repository.compare(file, from, to, before)
    }) satisfies Handler<'versions.compare'>,
    'versions.restore': (async ({ path, version }) => {
      const { workspace, repository } = repositoryOf()
      const file = await checked(workspace, path)
      await repository.restore(file.inRepository, version)
      workspace.noteExternalChange([file.path])
      return true
    }) satisfies Handler<'versions.restore'>,
    'versions.contributions': (async () =>
      repositoryOf().repository.contributions()) satisfies Handler<'versions.contributions'>,
    'versions.createContribution': (async ({ name }) => {
      const { workspace, repository } = repositoryOf()
      await repository.createContribution(name, { switchTo: true })
      return afterSwitch(workspace)
    }) satisfies Handler<'versions.createContribution'>,
    'versions.switchContribution': (async ({ name }) => {
      const { workspace, repository } = repositoryOf()
      await repository.switchContribution(name)
      return afterSwitch(workspace)
    }) satisfies Handler<'versions.switchContribution'>,
    'versions.deleteContribution': (async ({ name }) => {
      await repositoryOf().repository.deleteContribution(name)
      return true
    }) satisfies Handler<'versions.deleteContribution'>,
    'versions.merge': (async ({ name }) => {
      const { workspace, repository } = repositoryOf()
      const outcome = await repository.merge(name, author())
      await afterSwitch(workspace)
      if (outcome.kind !== 'conflicts') return outcome
      return {
        ...outcome,
        conflicts: outcome.conflicts.flatMap((file) => workspace.workspacePath(file) ?? []),
      }
    }) satisfies Handler<'versions.merge'>,
    'versions.conflict': (async ({ path }) => {
      const { workspace, repository } = repositoryOf()
      const file = await checked(workspace, path)
      return { ...(await repository.conflict(file.inRepository)), path: file.path }
    }) satisfies Handler<'versions.conflict'>,
    'versions.resolve': (async (input) => {
      const { workspace, repository } = repositoryOf()
      const file = await checked(workspace, input.path)
      await repository.resolve(
        file.inRepository,
        input.choice === 'text' ? { choice: 'text', text: input.text } : { choice: input.choice },
      )
      workspace.noteExternalChange([file.path])
      return true
    }) satisfies Handler<'versions.resolve'>,
    'versions.abortMerge': (async () => {
      const { workspace, repository } = repositoryOf()
      await repository.abortMerge()
      await settleApprovalOf(repository)
      await afterSwitch(workspace)
      return true
    }) satisfies Handler<'versions.abortMerge'>,
    'versions.clearLock': (async () =>
      repositoryOf().repository.clearLock()) satisfies Handler<'versions.clearLock'>,
  }
}

/**
 * An approval that met conflicts (« Approuver et intégrer ») is recorded once the
 * conflict flow saves its merge, and forgotten when the merge is given up.
 */
async function settleApprovalOf(repository: Repository): Promise<void> {
  await repository.run(async (context) => {
    const approved = await settleApproval(context)
    if (approved) await recordIntegration(context, approved.tip, approved.author)
  })
}
