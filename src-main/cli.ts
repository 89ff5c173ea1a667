import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { AtelierError } from '../src-shared/api/atelier-error.js'
import { translate } from '../src-shared/i18n/translate.js'
import { mutations, roundtrip, type MutationKind } from './commands/roundtrip.js'
import { buildCommand, renderCommand } from './commands/preview.js'
import { commitCommand, logCommand, statusCommand, unlockCommand } from './commands/versions.js'
import { contributionExportCommand } from './commands/contribution-export.js'
import { contributionImportCommand } from './commands/contribution-import.js'
import { reviewApproveCommand } from './commands/review-approve.js'
import { reviewDiffCommand } from './commands/review-diff.js'
import { searchCommand } from './commands/search.js'
import { PageIndex } from './workspace/page-index.js'
import { checkCommand } from './commands/check.js'
import { cloneCommand, pullCommand, pushCommand } from './commands/sync.js'

/**
 * `npm run cli -- <command> …`: the same services as the app, from a terminal,
 * for maintainers' scripts and CI. One entry per command in `commands`.
 */
type Command = (args: string[], out: (text: string) => void) => Promise<number>

const commands: Record<string, Command> = {
  status: (args, out) => statusCommand(args, out, usage),
  log: (args, out) => logCommand(args, out, usage),
  commit: (args, out) => commitCommand(args, out, usage),
  unlock: (args, out) => unlockCommand(args, out, usage),
  build: (args, out) => buildCommand(args, out, usage),
  render: (args, out) => renderCommand(args, out, usage),
  contribution: subcommands('contribution', {
    export: contributionExportCommand,
    import: contributionImportCommand,
  }),
  review: subcommands('review', { diff: reviewDiffCommand, approve: reviewApproveCommand }),
  index: async (args, out) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    })
    const workspace = positionals[0]
    if (!workspace) throw new UsageError('index <dossier> [--json]')
    const snapshot = await new PageIndex(path.resolve(workspace)).scan()
    const pages = snapshot.pages.map(({ path: file, collection, title, order, error }) => ({
      path: file,
      collection,
      title,
      order,
      error: error ? error.message : null,
    }))
    if (values.json) {
      out(`${JSON.stringify({ pages }, null, 2)}\n`)
    } else {
      for (const page of pages) {
        const order = page.order === null ? '' : ` (${page.order})`
        const problem = page.error ? `  ⚠ ${page.error}` : ''
        out(`${page.collection}\t${page.path}\t${page.title}${order}${problem}\n`)
      }
    }
    return 0
  },
  roundtrip: async (args, out) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        mutate: { type: 'string' },
        out: { type: 'string' },
      },
    })
    const mutate = values.mutate
    if (positionals.length === 0 || (mutate !== undefined && !(mutate in mutations))) {
      throw new UsageError(
        `roundtrip <fichier-ou-dossier>... [--json] [--mutate ${Object.keys(mutations).join('|')} --out <dossier>]`,
      )
    }
    const report = await roundtrip(positionals, {
      ...(mutate ? { mutate: mutate as MutationKind } : {}),
      ...(values.out ? { out: values.out } : {}),
    })
    if (values.json) {
      out(
        `${JSON.stringify(
          {
            files: report.files,
            identical: report.identical.length,
            different: report.different.map((entry) => entry.path),
            unsupported: report.unsupported,
          },
          null,
          2,
        )}\n`,
      )
    } else {
      for (const file of report.identical) out(`identical  ${file}\n`)
      for (const entry of report.different) {
        out(`different  ${entry.path}:${entry.line}\n  - ${entry.expected}\n  + ${entry.actual}\n`)
      }
      for (const entry of report.unsupported) out(`unsupported  ${entry.path} (${entry.reason})\n`)
      out(
        `roundtrip: ${report.files} files, ${report.identical.length} identical, ${report.different.length} different, ${report.unsupported.length} unsupported\n`,
      )
    }
    return mutate === undefined && report.different.length > 0 ? 1 : 0
  },
  search: (args, out) => searchCommand(args, out, usage),
  check: (args, out) => checkCommand(args, out, usage),
  clone: (args, out) => cloneCommand(args, out, usage),
  pull: (args, out) => pullCommand(args, out, usage),
  push: (args, out) => pushCommand(args, out, usage),
}

class UsageError extends Error {}

type Subcommand = (
  args: string[],
  out: (text: string) => void,
  usage: (text: string) => never,
) => Promise<number>

/** `contribution export …`, `review diff …`: a command word, then one of its verbs. */
function subcommands(name: string, verbs: Record<string, Subcommand>): Command {
  return async (args, out) => {
    const [verb, ...rest] = args
    const run = verb === undefined ? undefined : verbs[verb]
    if (!run) throw new UsageError(`${name} ${Object.keys(verbs).join('|')} …`)
    return run(rest, out, usage)
  }
}

function usage(text: string): never {
  throw new UsageError(text)
}

export async function runCli(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    err(`${translate('fr', 'cli.usage')}\n  ${Object.keys(commands).join(', ')}\n`)
    return 2
  }
  try {
    return await command(rest, out)
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${translate('fr', 'cli.usage')} npm run cli -- ${error.message}\n`)
      return 2
    }
    const message =
      error instanceof AtelierError
        ? translate('fr', `errors.${error.code}`, { detail: error.detail ?? '' })
        : (error as Error).message
    err(`${translate('fr', 'cli.failed')} ${message}\n`)
    return 1
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ).then((code) => {
    process.exitCode = code
  })
}
