import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ConfigProblem } from '../../src-shared/api/types.js'
import { configProblem, readYamlConfig } from '../../src-shared/config/config-problem.js'
import { isRecord } from '../fs/is-record.js'

/** One collection of `_config.yml` (posts included), with Jekyll's defaults filled in. */
export interface CollectionConfig {
  name: string
  /** Folder relative to the site root: `_themes`. */
  folder: string
  output: boolean
  /** Permalink template or style; Jekyll's default is `/:collection/:path:output_ext`. */
  permalink: string
  /** Every key the collection has in `_config.yml` (`title:`…), for `site.collections` in Liquid. */
  metadata: Record<string, unknown>
}

/** A `defaults:` entry: front-matter values applied by path prefix and/or type. */
export interface FrontMatterDefault {
  path: string
  type: string | null
  values: Record<string, unknown>
}

export interface JekyllConfig {
  /** The whole file, for `site.*` in Liquid. */
  raw: Record<string, unknown>
  baseurl: string
  url: string
  /** Site-wide permalink for posts and pages (`date` by default). */
  permalink: string
  /** `collections_dir`: the folder holding every collection, posts included ('' for the root). */
  collectionsDir: string
  collections: CollectionConfig[]
  defaults: FrontMatterDefault[]
  exclude: string[]
  include: string[]
  /** The `kramdown:` options, passed to the Markdown renderer. */
  kramdown: Record<string, unknown>
  /** `future: true` publishes posts dated later than now; `unpublished: true`, `published: false` pages. */
  future: boolean
  unpublished: boolean
  /** Extensions converted from Markdown (`markdown_ext`). */
  markdownExtensions: string[]
  /** Why `_config.yml` could not be used (Jekyll's defaults then apply); null when it could. */
  problem: ConfigProblem | null
}

export const CONFIG_FILE = '_config.yml'

/** Jekyll 4.3's own excludes, added to the site's. */
const DEFAULT_EXCLUDE = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
]

/**
 * Reads `_config.yml` the way Jekyll does (YAML 1.1, as Psych); a missing file gives Jekyll's
 * defaults, a broken one too, with its French `problem` (`jekyll build` would stop there).
 */
export async function readJekyllConfig(root: string): Promise<JekyllConfig> {
  let raw: Record<string, unknown> = {}
  let problem: ConfigProblem | null = null
  const text = await readFile(path.join(root, CONFIG_FILE), 'utf8').catch(() => null)
  if (text !== null) {
    const read = readYamlConfig(text, CONFIG_FILE, '1.1')
    if (!read.ok) problem = read.problem
    else if (isRecord(read.value)) raw = read.value
    else if (read.value !== null && read.value !== undefined)
      problem = configProblem('not-a-mapping', CONFIG_FILE, 1)
  }
  const permalink = typeof raw.permalink === 'string' ? raw.permalink : 'date'
  const collectionsDir =
    typeof raw.collections_dir === 'string' ? raw.collections_dir.replace(/^\/+|\/+$/g, '') : ''
  const folder = (name: string) => (collectionsDir ? `${collectionsDir}/_${name}` : `_${name}`)
  const declared = raw.collections
  const entries: [string, unknown][] = Array.isArray(declared)
    ? declared.filter((name): name is string => typeof name === 'string').map((name) => [name, {}])
    : isRecord(declared)
      ? Object.entries(declared)
      : []
  const collections: CollectionConfig[] = []
  let posts: CollectionConfig = {
    name: 'posts',
    folder: folder('posts'),
    output: true,
    permalink,
    metadata: {},
  }
  for (const [name, meta] of entries) {
    const settings = isRecord(meta) ? meta : {}
    const entry: CollectionConfig = {
      name,
      folder: folder(name),
      output: name === 'posts' ? settings.output !== false : settings.output === true,
      permalink:
        typeof settings.permalink === 'string'
          ? settings.permalink
          : name === 'posts'
            ? permalink
            : '/:collection/:path:output_ext',
      metadata: settings,
    }
    if (name === 'posts') posts = entry
    else collections.push(entry)
  }
  collections.push(posts)

  const defaults: FrontMatterDefault[] = []
  if (Array.isArray(raw.defaults)) {
    for (const item of raw.defaults) {
      if (!isRecord(item) || !isRecord(item.values)) continue
      const scope = isRecord(item.scope) ? item.scope : {}
      defaults.push({
        path: typeof scope.path === 'string' ? scope.path.replace(/^\/+/, '') : '',
        type: typeof scope.type === 'string' ? scope.type : null,
        values: item.values,
      })
    }
  }
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  return {
    raw,
    baseurl: typeof raw.baseurl === 'string' ? raw.baseurl.replace(/\/+$/, '') : '',
    url: typeof raw.url === 'string' ? raw.url.replace(/\/+$/, '') : '',
    permalink,
    collectionsDir,
    collections,
    defaults,
    exclude: [...DEFAULT_EXCLUDE, ...strings(raw.exclude)],
    include: ['.htaccess', ...strings(raw.include)],
    kramdown: isRecord(raw.kramdown) ? raw.kramdown : {},
    future: raw.future === true,
    unpublished: raw.unpublished === true,
    markdownExtensions: (typeof raw.markdown_ext === 'string'
      ? raw.markdown_ext
      : 'markdown,mkdown,mkdn,mkd,md'
    )
      .split(',')
      .map((ext) => `.${ext.trim()}`),
    problem,
  }
}

// The site readers of this folder take it from here.
export { isRecord }
