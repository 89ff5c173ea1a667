import path from 'node:path'
import { parseArgs } from 'node:util'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { translate } from '../../src-shared/i18n/translate.js'
import { headBranch } from '../git/head-commit.js'
import { Repository } from '../git/repository.js'
import { sendContribution } from '../review/send-contribution.js'

type Out = (text: string) => void
type Usage = (text: string) => never

/**
 * `contribution export <workspace> <file> [--branch <name>] [--full]`: writes
 * the contribution (the current branch unless named) as one bundle file and
 * prints the file and its size. A failure is thrown as an `AtelierError`,
 * which the CLI prints in French with exit status 1.
 */
export async function contributionExportCommand(
  args: string[],
  out: Out,
  usage: Usage,
): Promise<number> {
  const syntax = 'contribution export <dossier> <fichier> [--branch <nom>] [--full]'
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { branch: { type: 'string' }, full: { type: 'boolean', default: false } },
    })
  } catch {
    return usage(syntax)
  }
  const [folder, file] = parsed.positionals
  if (!folder || !file || parsed.positionals.length > 2) usage(syntax)
  const repository = await Repository.find(path.resolve(folder))
  if (!repository) throw new AtelierError('not-a-repository', folder)
  const branch = parsed.values.branch ?? (await headBranch(repository.context))
  if (!branch) throw new AtelierError('contribution-not-found', 'HEAD')
  const sent = await sendContribution(repository.context, {
    branch,
    full: parsed.values.full,
    file: path.resolve(file),
  })
  out(
    `${translate('fr', 'cli.contributionWritten', {
      file: sent.file,
      size: formatSize(sent.bytes),
    })}\n`,
  )
  return 0
}

/** Bytes as a French reader writes them: « 3,2 Ko », « 1,4 Mo ». */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`
  const units = ['Ko', 'Mo', 'Go']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ${units[unit]}`
}
