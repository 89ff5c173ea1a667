import path from 'node:path'
import { parseArgs } from 'node:util'
import { PageIndex } from '../workspace/page-index.js'

type Out = (text: string) => void
type Usage = (text: string) => never

/**
 * `index <workspace> [--json]`: the explorer's page index,
 * `{ "pages": [ { "path", "collection", "title", "order", "error" } ] }` with `--json`,
 * else one tab-separated line per page.
 */
export async function indexCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  })
  const workspace = positionals[0]
  if (!workspace) usage('index <dossier> [--json]')
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
}
