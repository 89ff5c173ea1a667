import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ConfigProblem } from '../../src-shared/api/types.js'
import type { ContentTypesResult } from '../../src-shared/content-types/content-types.js'
import { DATA_EXTENSIONS, parseDataFile } from '../site/data-files.js'
import { unlessNotFound } from '../fs/not-found.js'
import { readSiteConfig } from './site-config.js'

/**
 * The settings files of the workspace that cannot be read, for « Problèmes »: `_config.yml`,
 * every `_data/` file and `_atelier.yml`, each with its French message, file and line.
 * `files` is the page index's list of the site's other files.
 */
export async function listConfigProblems(
  root: string,
  files: readonly string[],
  contentTypes: ContentTypesResult | null,
): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = []
  const config = await readSiteConfig(root)
  if (config.problem) problems.push(config.problem)
  const dataFiles = files.filter(
    (file) => file.startsWith('_data/') && DATA_EXTENSIONS.has(path.extname(file).toLowerCase()),
  )
  for (const file of dataFiles) {
    // Listed by the last scan, removed since: nothing to report.
    const text = await unlessNotFound(readFile(path.join(root, file), 'utf8'))
    if (text === null) continue
    const read = parseDataFile(file, text)
    if (!read.ok) problems.push(read.problem)
  }
  if (contentTypes && !contentTypes.ok) problems.push(contentTypes.problem)
  return problems
}
