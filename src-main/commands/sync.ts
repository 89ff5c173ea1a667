import path from 'node:path'
import { parseArgs } from 'node:util'
import { translate } from '../../src-shared/i18n/translate.js'
import { Repository } from '../git/repository.js'
import { cloneRepository } from '../sync/clone.js'
import { environmentCredentials } from '../sync/credentials.js'
import { pull } from '../sync/pull.js'
import { push } from '../sync/push.js'
import { commandAuthor } from './command-author.js'

/**
 * The CLI's way to a git host: `clone`, `pull`, `push`, with credentials from
 * `ATELIER_GIT_USERNAME` / `ATELIER_GIT_PASSWORD`. Failures reach `cli.ts` as
 * AtelierErrors and leave with their French message and exit code 1.
 */
type Out = (text: string) => void
type Usage = (text: string) => never

/** `clone <url> <dir> [--depth <n>]` */
export async function cloneCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'clone <url> <dossier> [--depth <n>]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { depth: { type: 'string' } },
  })
  const [url, dir] = positionals
  if (!url || !dir || positionals.length > 2) usage(syntax)
  const depth = values.depth === undefined ? undefined : Number(values.depth)
  if (depth !== undefined && !(Number.isInteger(depth) && depth > 0)) usage(syntax)
  const report = await cloneRepository({
    url,
    dir: path.resolve(dir),
    credentials: environmentCredentials(),
    ...(depth ? { depth } : {}),
  })
  out(
    `${translate('fr', 'sync.cli.cloned', {
      dir,
      branch: report.branch ?? '—',
      version: report.head.slice(0, 7),
    })}\n`,
  )
  return 0
}

/** `pull <dir> [--author "Nom <email>"]` */
export async function pullCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'pull <dossier> [--author "Nom <email>"]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { author: { type: 'string' } },
  })
  const repository = await openRepository(positionals[0], usage, syntax)
  const author = await commandAuthor(values.author, repository.root, () => usage(syntax))
  const report = await pull(repository, { credentials: environmentCredentials(), author })
  const outcome = report.outcome
  if (outcome === null || outcome.kind === 'already-merged') {
    out(`${translate('fr', 'sync.cli.upToDate')}\n`)
    return 0
  }
  if (outcome.kind === 'conflicts') {
    out(`${translate('fr', 'sync.cli.conflicts', { files: outcome.conflicts.join(', ') })}\n`)
    return 1
  }
  out(`${translate('fr', `sync.cli.${outcome.kind}`, { version: outcome.oid.slice(0, 7) })}\n`)
  return 0
}

/** `push <dir> [--branch <name>]` */
export async function pushCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'push <dossier> [--branch <nom>]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { branch: { type: 'string' } },
  })
  const repository = await openRepository(positionals[0], usage, syntax)
  const report = await push(repository, {
    credentials: environmentCredentials(),
    ...(values.branch ? { branch: values.branch } : {}),
  })
  const sent = Object.keys(report.pushed)
  if (sent.length === 0) out(`${translate('fr', 'sync.cli.nothingToPush')}\n`)
  for (const ref of sent) {
    out(`${translate('fr', 'sync.cli.pushed', { ref: ref.replace(/^refs\/(heads\/)?/, '') })}\n`)
  }
  return 0
}

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
