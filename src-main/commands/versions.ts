import { parseArgs } from 'node:util'
import path from 'node:path'
import { translate } from '../../src-shared/i18n/translate.js'
import { commandAuthor } from './command-author.js'
import { formatPorcelain } from '../git/porcelain.js'
import { Repository } from '../git/repository.js'

/** The versions commands of the CLI: `status`, `log`, `commit`, `unlock`. */
type Out = (text: string) => void
type Usage = (text: string) => never

async function openRepository(
  folder: string | undefined,
  usage: Usage,
  syntax: string,
): Promise<Repository> {
  if (!folder) usage(syntax)
  const repository = await Repository.find(path.resolve(folder))
  if (!repository) throw new Error(translate('fr', 'errors.not-a-repository'))
  return repository
}

/** `status <dir> [--porcelain]`: with `--porcelain`, byte for byte what `git status --porcelain -uall` prints. */
export async function statusCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'status <dossier> [--porcelain] [--ignored]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      porcelain: { type: 'boolean', default: false },
      ignored: { type: 'boolean', default: false },
    },
  })
  const repository = await openRepository(positionals[0], usage, syntax)
  if (values.porcelain) {
    out(formatPorcelain(await repository.statusEntries({ ignored: values.ignored })))
    return 0
  }
  // One status, not git's lines then the summary: each pass costs on a large guide.
  const status = await repository.status()
  out(`${translate('fr', 'versions.cli.branch', { branch: status.branch ?? '—' })}\n`)
  if (status.changes.length === 0) out(`${translate('fr', 'versions.cli.clean')}\n`)
  for (const change of status.changes) {
    const label = translate('fr', `versions.kind.${change.kind}`)
    out(`${label.padEnd(12)} ${change.from ? `${change.from} → ` : ''}${change.path}\n`)
  }
  return 0
}

/** `log <dir> [--json] [--page <fichier>] [--max <n>]`. */
export async function logCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'log <dossier> [--json] [--page <fichier>] [--max <n>]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      page: { type: 'string' },
      max: { type: 'string' },
    },
  })
  const repository = await openRepository(positionals[0], usage, syntax)
  const limit = values.max === undefined ? undefined : Number(values.max)
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) usage(syntax)
  const versions = await repository.history({
    ...(values.page ? { path: values.page } : {}),
    ...(limit ? { limit } : {}),
  })
  if (values.json) {
    out(`${JSON.stringify({ versions }, null, 2)}\n`)
    return 0
  }
  for (const version of versions) {
    out(
      `${version.oid.slice(0, 7)}  ${version.date.slice(0, 16).replace('T', ' ')}  ${version.author}  ${version.message.split('\n')[0]}\n`,
    )
  }
  return 0
}

/** `commit <dir> -m <message> [--author "Nom <email>"]`: every change as one version. */
export async function commitCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'commit <dossier> -m <message> [--author "Nom <email>"]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      message: { type: 'string', short: 'm' },
      author: { type: 'string' },
    },
  })
  if (!values.message) usage(syntax)
  const repository = await openRepository(positionals[0], usage, syntax)
  const author = await commandAuthor(values.author, repository.root, () => usage(syntax))
  const oid = await repository.commit({ message: values.message, author })
  out(`${translate('fr', 'versions.cli.committed', { oid: oid.slice(0, 7) })}\n`)
  return 0
}

/**
 * `unlock <dir>`: removes a `.git/index.lock` left by an interrupted
 * operation — the rule of the Versions view's « Débloquer »: only when no
 * running program may be using it (exit code 1 and a French message otherwise).
 */
export async function unlockCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
  const repository = await openRepository(positionals[0], usage, 'unlock <dossier>')
  const cleared = await repository.clearLock()
  const file = path.join(repository.root, '.git', 'index.lock')
  out(
    `${translate('fr', cleared ? 'versions.cli.unlocked' : 'versions.cli.notLocked', { file })}\n`,
  )
  return 0
}
