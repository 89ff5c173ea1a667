import path from 'node:path'
import { parseArgs } from 'node:util'
import { translate } from '../../src-shared/i18n/translate.js'
import { Repository } from '../git/repository.js'
import { reviewDiff } from '../review/rendered-diff.js'

type Out = (text: string) => void
type Usage = (text: string) => never

/** The status words of « Versions », for the list without `--json`. */
const KIND = { added: 'new', modified: 'modified', deleted: 'deleted', renamed: 'renamed' } as const

/**
 * `review diff <workspace> <branch> --json` → { "pages": [ { "path", "title", "change", "fields": [ { "key", "label", "before", "after" } ], "html" } ] };
 * `pages` lists exactly the files `git diff --name-only main...<branch>` lists.
 * `args` are the words after `review diff`. Each page also carries `from` (renames),
 * `page` (false for files that are not pages: `fields` empty, `html` null) and `images`.
 */
export async function reviewDiffCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const syntax = 'review diff <dossier> <contribution> [--json]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  })
  const [folder, branch] = positionals
  if (!folder || !branch || positionals.length > 2) usage(syntax)
  const repository = await Repository.find(path.resolve(folder))
  if (!repository) throw new Error(translate('fr', 'errors.not-a-repository'))
  const diff = await reviewDiff(repository.context, branch)
  if (values.json) {
    const pages = diff.pages.map(
      ({ path: file, from, title, change, page, fields, html, images }) => ({
        path: file,
        ...(from === undefined ? {} : { from }),
        title,
        change,
        page,
        fields,
        html,
        images,
      }),
    )
    out(`${JSON.stringify({ pages }, null, 2)}\n`)
    return 0
  }
  for (const page of diff.pages) {
    const label = translate('fr', `versions.kind.${KIND[page.change]}`)
    const name = page.from ? `${page.from} → ${page.path}` : page.path
    out(`${label.padEnd(12)} ${name}${page.page ? `  « ${page.title} »` : ''}\n`)
  }
  return 0
}
