import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionInfo, ConfigProblem } from '../../src-shared/api/types.js'
import { configProblem, readYamlConfig } from '../../src-shared/config/config-problem.js'
import { markdownInputOf, type MarkdownInput } from '../../src-shared/markdown/markdown-input.js'
import { isRecord } from '../fs/is-record.js'
import { unlessNotFound } from '../fs/not-found.js'

/** The parts of `_config.yml` the workspace needs to classify files. */
export interface SiteConfig {
  collections: CollectionInfo[]
  /** Patterns from `exclude:`; matched against the first path segment or the whole path. */
  exclude: string[]
  /** Why `_config.yml` exists but could not be used (French, file and line); null when fine. */
  problem: ConfigProblem | null
  /** `kramdown.input`: how the editor must read the site's Markdown. */
  markdownInput?: MarkdownInput
}

export const CONFIG_FILE = '_config.yml'

/**
 * Reads `_config.yml`; a missing or broken file still gives Jekyll's defaults (posts only), a
 * broken one with the same French problem as the preview's reader (`jekyll-config.ts`) gives.
 */
export async function readSiteConfig(root: string): Promise<SiteConfig> {
  let raw: unknown = {}
  let problem: ConfigProblem | null = null
  const text = await unlessNotFound(readFile(path.join(root, CONFIG_FILE), 'utf8'))
  if (text !== null) {
    const read = readYamlConfig(text, CONFIG_FILE)
    if (!read.ok) problem = read.problem
    else raw = read.value ?? {}
    if (!isRecord(raw)) problem = configProblem('not-a-mapping', CONFIG_FILE, 1)
  }
  const config = isRecord(raw) ? raw : {}
  const collectionsDir =
    typeof config.collections_dir === 'string'
      ? config.collections_dir.replace(/^\/+|\/+$/g, '')
      : ''
  const join = (folder: string) => (collectionsDir ? `${collectionsDir}/${folder}` : folder)

  const collections: CollectionInfo[] = []
  const declared = config.collections
  const entries: [string, unknown][] = Array.isArray(declared)
    ? declared.filter((name): name is string => typeof name === 'string').map((name) => [name, {}])
    : isRecord(declared)
      ? Object.entries(declared)
      : []
  for (const [name, meta] of entries) {
    if (name === 'posts') continue
    collections.push({
      name,
      folder: join(`_${name}`),
      output: isRecord(meta) && meta.output === true,
    })
  }
  // Jekyll always has posts, written out.
  collections.push({ name: 'posts', folder: join('_posts'), output: true })

  const exclude = Array.isArray(config.exclude)
    ? config.exclude.filter((item): item is string => typeof item === 'string')
    : []
  return { collections, exclude, problem, markdownInput: markdownInputOf(config) }
}
