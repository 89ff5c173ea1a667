#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { AtelierError } from '../src-shared/api/atelier-error.js'
import { translate } from '../src-shared/i18n/translate.js'

/**
 * `atelier <command> …` (`npm run build:cli` bundles this file into
 * `out/cli/atelier.mjs`, the package's `bin`; `npm run cli -- <command> …` runs
 * it from the sources): the same services as the app, from a terminal, for
 * maintainers' scripts and CI. One entry per command in `commands`.
 */
type Out = (text: string) => void
type Usage = (text: string) => never
type Command = (args: string[], out: Out, usage: Usage) => Promise<number>

/**
 * Each command's module is imported when that command runs, not before: `status`
 * or `--help` must not pay for loading Liquid, Sass or the editor's schema (the
 * bundle keeps each command in its own chunk).
 */
const commands: Record<string, Command> = {
  status: async (...run) => (await import('./commands/versions.js')).statusCommand(...run),
  log: async (...run) => (await import('./commands/versions.js')).logCommand(...run),
  commit: async (...run) => (await import('./commands/versions.js')).commitCommand(...run),
  unlock: async (...run) => (await import('./commands/versions.js')).unlockCommand(...run),
  build: async (...run) => (await import('./commands/preview.js')).buildCommand(...run),
  render: async (...run) => (await import('./commands/preview.js')).renderCommand(...run),
  contribution: subcommands('contribution', {
    export: async (...run) =>
      (await import('./commands/contribution-export.js')).contributionExportCommand(...run),
    import: async (...run) =>
      (await import('./commands/contribution-import.js')).contributionImportCommand(...run),
  }),
  review: subcommands('review', {
    diff: async (...run) => (await import('./commands/review-diff.js')).reviewDiffCommand(...run),
    approve: async (...run) =>
      (await import('./commands/review-approve.js')).reviewApproveCommand(...run),
  }),
  index: async (...run) => (await import('./commands/page-index.js')).indexCommand(...run),
  roundtrip: async (...run) => (await import('./commands/roundtrip.js')).roundtripCommand(...run),
  search: async (...run) => (await import('./commands/search.js')).searchCommand(...run),
  check: async (...run) => (await import('./commands/check.js')).checkCommand(...run),
  clone: async (...run) => (await import('./commands/sync.js')).cloneCommand(...run),
  pull: async (...run) => (await import('./commands/sync.js')).pullCommand(...run),
  push: async (...run) => (await import('./commands/sync.js')).pushCommand(...run),
}

/** The words that ask for the list of commands rather than run one. */
const helpWords = new Set(['--help', '-h', 'help'])

class UsageError extends Error {}

/** `contribution export …`, `review diff …`: a command word, then one of its verbs. */
function subcommands(name: string, verbs: Record<string, Command>): Command {
  return async (args, out, usage) => {
    const [verb, ...rest] = args
    const run = verb !== undefined && Object.hasOwn(verbs, verb) ? verbs[verb] : undefined
    if (!run) return usage(`${name} ${Object.keys(verbs).join('|')} …`)
    return run(rest, out, usage)
  }
}

function usage(text: string): never {
  throw new UsageError(text)
}

function commandList(): string {
  return `${translate('fr', 'cli.usage')} atelier <commande> …\n  ${Object.keys(commands).join(', ')}\n`
}

export async function runCli(argv: string[], out: Out, err: Out): Promise<number> {
  const [name, ...rest] = argv
  if (name !== undefined && helpWords.has(name)) {
    out(commandList())
    return 0
  }
  // Own keys only: `toString` is no command.
  const command = name && Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    err(commandList())
    return 2
  }
  try {
    return await command(rest, out, usage)
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${translate('fr', 'cli.usage')} atelier ${error.message}\n`)
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

/**
 * Run when this module is the program: through tsx, `node out/cli/atelier.mjs`, or
 * npm's `bin` link — a symlink, while `import.meta.url` is the real file.
 */
function isProgram(): boolean {
  const program = process.argv[1]
  if (!program) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(program)).href
  } catch {
    return false
  }
}

if (isProgram()) {
  runCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ).then((code) => {
    process.exitCode = code
  })
}
