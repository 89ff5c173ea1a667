import path from 'node:path'
import { parseArgs } from 'node:util'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { translate } from '../../src-shared/i18n/translate.js'
import { Repository } from '../git/repository.js'
import { mergeReceivedNotes } from '../review/merge-received-notes.js'
import { receiveContribution } from '../review/receive-contribution.js'

type Out = (text: string) => void
type Usage = (text: string) => never

/**
 * `contribution import <workspace> <file> [--json]` → `{ "branches": [ { "name", "oid" } ] }`;
 * exit 1 and nothing written on any refusal, with the French message (as JSON
 * `{ "error": { "code", "message" } }` under `--json`, so scripts can read it).
 */
export async function contributionImportCommand(
  args: string[],
  out: Out,
  usage: Usage,
): Promise<number> {
  const syntax = 'contribution import <dossier> <fichier> [--json]'
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  })
  const [folder, file] = positionals
  if (!folder || !file || positionals.length > 2) usage(syntax)
  const repository = await Repository.find(path.resolve(folder))
  if (!repository) throw new Error(translate('fr', 'errors.not-a-repository'))
  try {
    const received = await receiveContribution(repository.context, path.resolve(file))
    // The comments join the review notes, as the app does: `git log --notes=atelier` shows them.
    if (received.notes !== null) await mergeReceivedNotes(repository.context)
    if (values.json) {
      out(`${JSON.stringify({ branches: received.branches }, null, 2)}\n`)
      return 0
    }
    for (const branch of received.branches) out(`${branch.name}  ${branch.oid}\n`)
    return 0
  } catch (error) {
    if (!(error instanceof AtelierError)) throw error
    const message = translate('fr', `errors.${error.code}`, { detail: error.detail ?? '' })
    out(
      values.json
        ? `${JSON.stringify({ error: { code: error.code, message } }, null, 2)}\n`
        : `${translate('fr', 'cli.failed')} ${message}\n`,
    )
    return 1
  } finally {
    repository.context.objects.close()
  }
}
