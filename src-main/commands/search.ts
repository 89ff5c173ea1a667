import path from 'node:path'
import { parseArgs } from 'node:util'
import { translate } from '../../src-shared/i18n/translate.js'
import { searchPages } from '../search/query.js'
import { SearchIndex } from '../search/search-index.js'
import { Workspace } from '../workspace/workspace.js'

type Out = (text: string) => void
type Usage = (text: string) => never

/**
 * `search <workspace> <query> [--json] [--whole-word] [--collection <name>]`: every match,
 * case and accents folded, as « Rechercher » finds them. `--json` prints
 * `{ "results": [ { "path", "line", "text" } ] }`, `text` being the line's searchable text
 * (a setting's value, or the body's line as written); one entry per match.
 */
export async function searchCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'search <dossier> <recherche> [--json] [--whole-word] [--collection <nom>]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'whole-word': { type: 'boolean', default: false },
      collection: { type: 'string' },
    },
  })
  const [folder, query] = positionals
  if (!folder || query === undefined || positionals.length > 2) usage(syntax)
  const workspace = await Workspace.open(path.resolve(folder))
  const pages = await new SearchIndex(workspace).pages()
  const found = searchPages(
    pages,
    { query, wholeWord: values['whole-word'], collection: values.collection ?? null },
    Number.POSITIVE_INFINITY,
  )
  if (values.json) {
    const lineText = new Map(
      pages.flatMap((page) => page.lines.map((line) => [`${page.path}:${line.line}`, line.text])),
    )
    const results = found.pages.flatMap((page) =>
      page.matches.map((match) => ({
        path: page.path,
        line: match.line,
        text: lineText.get(`${page.path}:${match.line}`) ?? match.text,
      })),
    )
    out(`${JSON.stringify({ results }, null, 2)}\n`)
    return 0
  }
  if (found.total === 0) {
    out(`${translate('fr', 'search.cliNone', { query })}\n`)
    return 0
  }
  for (const page of found.pages) {
    out(`${page.path} — ${page.title}\n`)
    for (const match of page.matches) {
      out(`  ${match.line}: ${match.before}[${match.text}]${match.after}\n`)
    }
  }
  const count = found.total
  out(`${translate('fr', 'search.cliSummary', { count, pages: found.pages.length })}\n`)
  return 0
}
