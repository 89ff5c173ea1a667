import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { translate } from '../src-shared/i18n/translate.js'
import { PageIndex } from './workspace/page-index.js'

/**
 * `npm run cli -- <command> …`: the same services as the app, from a terminal,
 * for maintainers' scripts and CI. One entry per command in `commands`.
 */
type Command = (args: string[], out: (text: string) => void) => Promise<number>

const commands: Record<string, Command> = {
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
}

class UsageError extends Error {}

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
    err(`${translate('fr', 'cli.failed')} ${(error as Error).message}\n`)
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
