import { open, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { readPageText } from '../site/front-matter.js'
import {
  isRecord,
  readJekyllConfig,
  type CollectionConfig,
  type JekyllConfig,
} from '../site/jekyll-config.js'
import {
  escapePath,
  fillTemplate,
  jekyllSlugify,
  outputPath,
  pageTemplate,
  permalinkTemplate,
} from './permalink.js'
import type { Layout, Site, SiteDocument, StaticFile } from './site-model.js'
import { isExcluded, placeOf } from '../site/site-filter.js'
import { DATA_EXTENSIONS, parseDataFile } from '../site/data-files.js'
import { builtinThemeDir } from '../paths.js'
import { needsBuiltinTheme } from './builtin-theme.js'
import { isGitFolderName, isWithin } from '../fs/safe-path.js'
import { categoriesFromPath, documentCategories, documentTags } from './document-taxonomy.js'

const POST_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/
/** Jekyll's `Page::HTML_EXTENSIONS`: such a page gets the site's permalink style. */
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])

export interface ReadSiteOptions {
  /** The built-in playbook theme's folder (default: the one shipped with Atelier). */
  builtinTheme?: string
}

/** Reads a site folder as Jekyll's reader does: pages, posts, collections, data, layouts, static files. */
export async function readSite(root: string, options: ReadSiteOptions = {}): Promise<Site> {
  const config = await readJekyllConfig(root)
  const site: Site = {
    root,
    config,
    documents: [],
    staticFiles: [],
    data: {},
    layouts: new Map(),
    buildTime: Date.now(),
    sassFiles: [],
    theme: null,
    problems: config.problem ? [config.problem] : [],
  }
  const collectionByName = new Map(config.collections.map((c) => [c.name, c]))
  const files = await listFiles(root, config)
  if (needsBuiltinTheme(config, files)) {
    site.theme = options.builtinTheme ?? builtinThemeDir
    await readTheme(site, site.theme, new Set(files))
  }
  // Pages and documents are read a few dozen ahead of the loop, which still takes them in
  // Jekyll's order: one file at a time left the disk idle between reads.
  const places = files.map((file) => placeOf(file, config))
  const ahead = new Map<number, Promise<Parsed>>()
  const readAhead = (index: number) => {
    const kind = places[index]?.kind
    if ((kind !== 'collection' && kind !== 'page') || ahead.has(index)) return
    const read = parsedFile(root, files[index]!)
    // Awaited in its turn; a failure then is the loop's, not an unhandled rejection now.
    read.catch(() => undefined)
    ahead.set(index, read)
  }
  for (let index = 0; index < files.length; index++) {
    for (let next = index; next < Math.min(files.length, index + READ_AHEAD); next++)
      readAhead(next)
    const file = files[index]!
    const place = places[index]!
    const read = ahead.get(index)
    ahead.delete(index)
    const collection =
      place.kind === 'collection' ? collectionByName.get(place.collection) : undefined
    if (place.kind === 'collection' && collection) {
      await readCollectionFile(site, file, collection, place.folderRead, read)
    } else if (place.kind === 'layout') {
      await readLayout(site, root, file)
    } else if (place.kind === 'data') {
      await readData(site, file)
    } else if (place.kind === 'page') {
      await readPageOrStatic(site, file, site.root, read)
    }
    // Hidden: _includes and _sass are read when used; drafts and other special folders are not published.
  }
  if (site.theme) dropShadowedThemeFiles(site)
  return site
}

/**
 * The document a page would be if its file, holding `text`, were at `file` (a move planned
 * before anything is written): read as the reader reads it there, with that place's
 * collection, `defaults:` and permalink. Null when Jekyll would publish no page from it there
 * (an excluded or special folder, a file without front matter, a post without a date).
 */
export async function documentAt(
  site: Site,
  file: string,
  text: string,
): Promise<SiteDocument | null> {
  const place = placeOf(file, site.config)
  const read = Promise.resolve(
    /^---[ \t\f\v\r]*\n/.test(text) ? parsedBytes(Buffer.from(text)) : { data: null, body: '' },
  )
  const scratch: Site = { ...site, documents: [], staticFiles: [], sassFiles: [], problems: [] }
  const collection =
    place.kind === 'collection'
      ? site.config.collections.find((item) => item.name === place.collection)
      : undefined
  if (place.kind === 'collection' && collection)
    await readCollectionFile(scratch, file, collection, place.folderRead, read)
  else if (place.kind === 'page') await readPageOrStatic(scratch, file, site.root, read)
  return scratch.documents[0] ?? null
}

/** A theme file whose destination a page or file of the site also writes gives way to it. */
function dropShadowedThemeFiles(site: Site): void {
  const ownOutputs = new Set<string | null>([
    ...site.documents.map((doc) => doc.output),
    ...site.sassFiles.filter((file) => file.root === site.root).map((file) => file.output),
    ...site.staticFiles.filter((file) => file.root === site.root).map((file) => file.output),
  ])
  const kept = (file: { root: string; output: string | null }) =>
    file.root === site.root || !ownOutputs.has(file.output)
  site.staticFiles = site.staticFiles.filter(kept)
  site.sassFiles = site.sassFiles.filter(kept)
}

/**
 * The theme's layouts and `assets/`, read before the site's own files so that
 * a file of the site replaces the theme's at the same path, as with a gem.
 * Its `_includes/` and `_sass/` are searched after the site's when used.
 */
async function readTheme(site: Site, theme: string, siteFiles: Set<string>): Promise<void> {
  for (const file of await filesBelow(theme)) {
    if (siteFiles.has(file)) continue
    if (file.startsWith('_layouts/')) await readLayout(site, theme, file)
    else if (file.startsWith('assets/')) await readPageOrStatic(site, file, theme)
  }
}

/** Files below the root, skipping what Jekyll never reads (`exclude`, the destination, `.git`). */
async function listFiles(root: string, config: JekyllConfig): Promise<string[]> {
  return (await filesBelow(root)).filter(
    (relative) =>
      !relative.startsWith('_site/') &&
      !relative.startsWith('.git/') &&
      !isExcluded(relative, config),
  )
}

/**
 * Every file below a folder, relative with forward slashes, sorted. Symlinks
 * are read as Jekyll's safe mode reads them: followed when they lead to a file
 * or folder inside `dir`, skipped when they leave it or lead nowhere (Jekyll
 * would stop on those), and a folder already on the way down is not entered
 * again (a link looping back). `.git` is never walked.
 */
async function filesBelow(dir: string): Promise<string[]> {
  const realRoot = await realpath(dir)
  const files: string[] = []
  const walk = async (folder: string, relative: string, ancestors: Set<string>) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (isGitFolderName(entry.name)) continue
      const file = relative ? `${relative}/${entry.name}` : entry.name
      const absolute = path.join(folder, entry.name)
      let real = absolute
      let kind: 'file' | 'folder' | 'other' = entry.isFile()
        ? 'file'
        : entry.isDirectory()
          ? 'folder'
          : 'other'
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => null)
        if (target === null || !isWithin(realRoot, target)) continue
        if (path.relative(realRoot, target).split(path.sep).some(isGitFolderName)) continue
        const info = await stat(target)
        real = target
        kind = info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other'
      }
      if (kind === 'file') files.push(file)
      if (kind !== 'folder') continue
      if (entry.isSymbolicLink() && ancestors.has(real)) continue
      const realFolder = entry.isSymbolicLink() ? real : await realpath(absolute)
      await walk(absolute, file, new Set([...ancestors, realFolder]))
    }
  }
  await walk(dir, '', new Set([realRoot]))
  return files.sort()
}

interface Parsed {
  data: Record<string, unknown> | null
  body: string
  /** 1-based line of the file where the body starts (after the front matter). */
  bodyLine?: number
}

/** How many pages are read ahead of the one being taken in. */
const READ_AHEAD = 32

/** What the first read of a file takes: a whole page, most of the time, in one read. */
const FIRST_READ = 64 * 1024
const YAML_HEADER = /^---[ \t\f\v\r]*\n/

/**
 * A page's settings and text, or `data: null` for a file Jekyll copies: Jekyll's
 * `Utils.has_yaml_header?`, a file whose first line is `---` is a page (or a document),
 * whatever its extension (`.xhtml`, `.svg`, `.webmanifest`…). One open and one
 * read for a page of the usual size (the front matter test and the text from the same
 * bytes), and an image or a font costs that first read only: a guide's thousands of pages
 * were each opened twice.
 */
async function parsedFile(root: string, file: string): Promise<Parsed> {
  const handle = await open(path.join(root, file), 'r')
  let head: Buffer
  try {
    const buffer = Buffer.allocUnsafe(FIRST_READ)
    const { bytesRead } = await handle.read(buffer, 0, FIRST_READ, 0)
    head = buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
  if (!YAML_HEADER.test(head.subarray(0, 256).toString('latin1'))) return { data: null, body: '' }
  return head.length < FIRST_READ ? parsedBytes(head) : readWithFrontMatter(root, file)
}

async function readWithFrontMatter(root: string, file: string): Promise<Parsed> {
  return parsedBytes(await readFile(path.join(root, file)))
}

/** A file's settings and text, as Jekyll reads them from its bytes. */
function parsedBytes(bytes: Buffer): Parsed {
  if (bytes.includes(0)) return { data: null, body: '' }
  // Jekyll looks for `---` at the very first byte: a page starting with a BOM is
  // copied as a static file, front matter and all. The preview shows the same.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { data: null, body: '' }
  }
  const { read, body, bodyLine } = readPageText(bytes.toString('utf8'))
  // Not closed: not front matter, the file is copied. Broken YAML: a page with no settings.
  if (read.kind === 'none' || (read.kind === 'problem' && read.problem.code === 'unclosed'))
    return { data: null, body }
  return { data: read.kind === 'data' ? read.data : {}, body, bodyLine }
}

/** The `defaults:` values for a path and type, later (more specific) entries winning. */
function defaultsFor(config: JekyllConfig, file: string, type: string): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  const applicable = config.defaults
    .filter(
      (entry) =>
        (entry.type === null || entry.type === type) &&
        (entry.path === '' ||
          file === entry.path ||
          file.startsWith(`${entry.path.replace(/\/+$/, '')}/`)),
    )
    .sort(
      (a, b) => a.path.length - b.path.length || Number(a.type !== null) - Number(b.type !== null),
    )
  for (const entry of applicable) Object.assign(result, entry.values)
  return result
}

function isMarkdown(file: string, config: JekyllConfig): boolean {
  return config.markdownExtensions.includes(path.extname(file).toLowerCase())
}

function outputExtension(file: string, config: JekyllConfig): string {
  const ext = path.extname(file).toLowerCase()
  // Markdown becomes `.html`; anything else keeps its extension (`.htm` stays `.htm`).
  if (isMarkdown(file, config)) return '.html'
  if (ext === '.scss' || ext === '.sass') return '.css'
  return ext
}

async function readPageOrStatic(
  site: Site,
  file: string,
  root = site.root,
  /** The file already being read (ahead of the loop), else read here. */
  read: Promise<Parsed> = parsedFile(root, file),
): Promise<void> {
  const { config } = site
  const ext = path.extname(file).toLowerCase()
  const parsed = await read
  if (parsed.data === null) {
    site.staticFiles.push(staticFile(root, file))
    return
  }
  if (ext === '.scss' || ext === '.sass') {
    site.sassFiles.push({
      relativePath: file,
      root,
      output: file.replace(/\.s[ac]ss$/i, '.css'),
      body: parsed.body,
      bodyLine: parsed.bodyLine ?? 1,
    })
    return
  }
  const defaults = defaultsFor(config, file, 'pages')
  const data = { ...defaults, ...parsed.data }
  if (data.published === false && !config.unpublished) return
  const outputExt = outputExtension(file, config)
  const basename = path.posix.basename(file, path.extname(file))
  const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file)
  const template =
    typeof data.permalink === 'string'
      ? data.permalink
      : pageTemplate(config.permalink, HTML_EXTENSIONS.has(outputExt), basename === 'index')
  const url = escapePath(fillTemplate(template, { path: dir, basename, output_ext: outputExt }))
  site.documents.push({
    kind: 'page',
    relativePath: file,
    collection: null,
    data,
    defaults,
    body: parsed.body,
    bodyLine: parsed.bodyLine ?? 1,
    markdown: isMarkdown(file, config),
    url,
    output: outputPath(url, outputExt),
    date: null,
  })
}

function staticFile(root: string, file: string): StaticFile {
  return { relativePath: file, root, output: file }
}

async function readCollectionFile(
  site: Site,
  file: string,
  collection: CollectionConfig,
  /** Where the file was found: the collection's folder, or a nested `blog/_posts`. */
  folderRead = collection.folder,
  /** The file already being read (ahead of the loop), else read here. */
  read: Promise<Parsed> = parsedFile(site.root, file),
): Promise<void> {
  const { config } = site
  const inner = file.slice(folderRead.length + 1)
  const parsed = await read
  if (parsed.data === null) {
    if (collection.output)
      site.staticFiles.push({ ...staticFile(site.root, file), collection: collection.name })
    return
  }
  const basename = path.posix.basename(inner, path.extname(inner))
  const folder = path.posix.dirname(inner) === '.' ? '' : path.posix.dirname(inner)
  const isPost = collection.name === 'posts'
  const dated = POST_NAME.exec(basename)
  if (isPost && !dated) return // Jekyll skips posts without a date in their name.
  const slug = dated ? (dated[4] ?? basename) : basename
  const defaults = defaultsFor(config, file, collection.name)
  const data: Record<string, unknown> = { ...defaults, ...parsed.data }
  let date: Date | null = null
  if (data.date instanceof Date) date = data.date
  else if (typeof data.date === 'string' && !Number.isNaN(Date.parse(data.date)))
    date = new Date(data.date)
  else if (dated)
    date = new Date(Date.UTC(Number(dated[1]), Number(dated[2]) - 1, Number(dated[3])))
  // Jekyll leaves out `published: false` pages and posts dated in the future (unless told).
  if (data.published === false && !config.unpublished) return
  if (isPost && date && date.getTime() > Date.now() && !config.future) return
  data.slug ??= slug
  // Jekyll's `read_post_data` runs for every collection document, not only posts.
  data.title ??= titleize(slug)
  // Folders above a nested `blog/_posts` only: a collection's own folder gives none, even
  // below a `collections_dir` (Jekyll: the path starts with the collection's directory).
  const pathCategories = folderRead === collection.folder ? [] : categoriesFromPath(folderRead)
  const categories = documentCategories(pathCategories, data)
  data.categories = categories
  data.tags = documentTags(data)
  const outputExt = outputExtension(file, config)
  const template = permalinkTemplate(
    typeof data.permalink === 'string' ? data.permalink : collection.permalink,
  )
  const pad = (n: number) => String(n).padStart(2, '0')
  const values: Record<string, string> = {
    collection: collection.name,
    path: folder ? `${folder}/${basename}` : basename,
    name: jekyllSlugify(basename),
    title: jekyllSlugify(String(data.slug), 'pretty', true),
    slug: jekyllSlugify(String(data.slug)),
    // Jekyll lowercases categories but does not slugify them (`mon budget` stays with its space).
    categories: [...new Set(categories.map((c) => c.toLowerCase()))].join('/'),
    output_ext: outputExt,
    basename,
  }
  if (date) {
    Object.assign(values, {
      year: String(date.getUTCFullYear()),
      month: pad(date.getUTCMonth() + 1),
      i_month: String(date.getUTCMonth() + 1),
      day: pad(date.getUTCDate()),
      i_day: String(date.getUTCDate()),
      short_year: String(date.getUTCFullYear()).slice(2),
      hour: pad(date.getUTCHours()),
      minute: pad(date.getUTCMinutes()),
      second: pad(date.getUTCSeconds()),
    })
  }
  const url = escapePath(fillTemplate(template, values))
  site.documents.push({
    kind: isPost ? 'post' : 'document',
    relativePath: file,
    collection: collection.name,
    data,
    defaults,
    body: parsed.body,
    bodyLine: parsed.bodyLine ?? 1,
    markdown: isMarkdown(file, config),
    url,
    output: collection.output ? outputPath(url, outputExt) : null,
    date,
    pathCategories,
  })
}

async function readLayout(site: Site, root: string, file: string): Promise<void> {
  const parsed = await readWithFrontMatter(root, file)
  const name = file.slice('_layouts/'.length).replace(/\.[^/.]+$/, '')
  const layout: Layout = { name, data: parsed.data ?? {}, body: parsed.body }
  site.layouts.set(name, layout)
}

async function readData(site: Site, file: string): Promise<void> {
  if (!DATA_EXTENSIONS.has(path.extname(file).toLowerCase())) return
  const read = parseDataFile(file, await readFile(path.join(site.root, file), 'utf8'))
  if (!read.ok) {
    site.problems.push(read.problem)
    return
  }
  const value = read.value
  const keys = file
    .slice('_data/'.length)
    .replace(/\.[^/.]+$/, '')
    .split('/')
  let target = site.data
  for (const key of keys.slice(0, -1)) {
    const next = target[key]
    target = isRecord(next) ? next : (target[key] = {})
  }
  target[keys[keys.length - 1] ?? ''] = value
}

/** `mon-ARTICLE` → `Mon Article`, as Jekyll's `titleize_slug` (Ruby's `capitalize`). */
function titleize(slug: string): string {
  return slug
    .split('-')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(' ')
}
