import path from 'node:path'
import { parseArgs } from 'node:util'
import { translate } from '../../src-shared/i18n/translate.js'
import { checkSite, readCheckContext } from '../checks/check-site.js'

type Out = (text: string) => void
type Usage = (text: string) => never

/**
 * `check <workspace> [--json]`: every problem « Problèmes » shows for the pages, errors first,
 * in French. Exit 1 when any is an error: `jekyll build` would stop on it.
 */
export async function checkCommand(args: string[], out: Out, usage: Usage): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  })
  const workspace = positionals[0]
  if (!workspace) usage('check <dossier> [--json]')
  const problems = (await checkSite(await readCheckContext(path.resolve(workspace)))).map(
    ({ path: file, line, kind, severity, message }) => ({
      path: file,
      line,
      kind,
      severity,
      message,
    }),
  )
  if (values.json) out(`${JSON.stringify({ problems }, null, 2)}\n`)
  else {
    for (const problem of problems) {
      const label = translate('fr', `checks.${problem.severity}`)
      out(`${problem.path}:${problem.line}\t${label}\t${problem.message}\n`)
    }
    out(`${translate('fr', 'checks.count', { count: problems.length })}\n`)
  }
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0
}
