import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import type { CollectionInfo } from '../../src-shared/api/types.js'

/** The parts of `_config.yml` the workspace needs to classify files. */
export interface SiteConfig {
  collections: CollectionInfo[]
  /** Patterns from `exclude:`; matched against the first path segment or the whole path. */
  exclude: string[]
  /** True when `_config.yml` exists but could not be read as YAML. */
  broken: boolean
}

export const CONFIG_FILE = '_config.yml'

/** Reads `_config.yml`; a missing or broken file still gives Jekyll's defaults (posts only). */
export async function readSiteConfig(root: string): Promise<SiteConfig> {
  let raw: unknown = {}
  let broken = false
  try {
    raw = parse(await readFile(path.join(root, CONFIG_FILE), 'utf8')) ?? {}
  } catch (error) {
    broken = (error as NodeJS.ErrnoException).code !== 'ENOENT'
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
  return { collections, exclude, broken }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
