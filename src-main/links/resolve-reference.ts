import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { isGitFolderName } from '../fs/safe-path.js'
import { readSite } from '../preview/read-site.js'
import type { Site, SiteDocument } from '../preview/site-model.js'
import type { PageReference } from './page-references.js'

/**
 * What a reference names, as Jekyll finds it: the site path (`_themes/acces.md`,
 * `assets/img/carte.png`, `_includes/pied.html`) of the page or file, or null
 * when it names nothing Jekyll would publish or read. Built once per site read,
 * so resolving every reference of a large site stays a few map look-ups each.
 */
export interface LinkIndex {
  site: Site
  /** Pages, documents and static files written, by their path from the site root (`{% link %}`). */
  readonly written: ReadonlyMap<string, string>
  /** Every document (written or not), by its path from the site root. */
  readonly documents: ReadonlyMap<string, SiteDocument>
  /** Published addresses (decoded, without the base URL) → site path. */
  readonly addresses: ReadonlyMap<string, string>
  /** Every file of the site folder, from its root (for `include_relative`). */
  readonly files: ReadonlySet<string>
  /** Files below `_includes/` of the site, then of the built-in theme (relative to `_includes/`). */
  readonly includes: ReadonlySet<string>
  /**
   * Documents by their file name without extension (`acces` → `_themes/acces.md`), posts also
   * by their slug (the name without its date), in site order.
   */
  readonly stems: ReadonlyMap<string, readonly SiteDocument[]>
}

export function buildLinkIndex(
  site: Site,
  files: Iterable<string>,
  themeIncludes: Iterable<string> = [],
): LinkIndex {
  const written = new Map<string, string>()
  const documents = new Map<string, SiteDocument>()
  const stems = new Map<string, SiteDocument[]>()
  const addresses = new Map<string, string>()
  const publish = (output: string | null, sitePath: string) => {
    if (output === null) return
    for (const address of addressesOf(output))
      if (!addresses.has(address)) addresses.set(address, sitePath)
  }
  for (const doc of site.documents) {
    documents.set(doc.relativePath, doc)
    const stem = fileStem(doc.relativePath)
    stems.set(stem, [...(stems.get(stem) ?? []), doc])
    // A post is also named by its slug, the file name without its date (`annonce`).
    const slug = doc.kind === 'post' ? stem.replace(/^\d{4}-\d{2}-\d{2}-/, '') : stem
    if (slug !== stem) stems.set(slug, [...(stems.get(slug) ?? []), doc])
    if (doc.output === null) continue
    written.set(doc.relativePath, doc.relativePath)
    publish(doc.output, doc.relativePath)
    // A document's URL may differ from its file (`permalink: /a` written as `a.html`).
    addresses.set(decode(doc.url), doc.relativePath)
  }
  for (const file of site.staticFiles) {
    if (file.output === null) continue
    written.set(file.relativePath, file.relativePath)
    publish(file.output, file.relativePath)
  }
  for (const file of site.sassFiles) publish(file.output, file.relativePath)
  const fileSet = new Set(files)
  const includes = new Set<string>()
  for (const file of fileSet) if (file.startsWith('_includes/')) includes.add(file.slice(10))
  for (const file of themeIncludes) includes.add(file)
  return { site, written, documents, addresses, files: fileSet, includes, stems }
}

/** Reads a site folder and indexes it (the CLI, tests; the app keeps its own index fresh). */
export async function readLinkIndex(root: string): Promise<LinkIndex> {
  const site = await readSite(root)
  const files = await listFolder(root)
  const themeIncludes = site.theme ? await listFolder(path.join(site.theme, '_includes')) : []
  return buildLinkIndex(site, files, themeIncludes)
}

/** Every file below a folder, relative with forward slashes; `.git` and `_site` are not walked. */
export async function listFolder(root: string): Promise<string[]> {
  const files: string[] = []
  const walk = async (folder: string, relative: string) => {
    let entries
    try {
      entries = await readdir(folder, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (isGitFolderName(entry.name) || (relative === '' && entry.name === '_site')) continue
      const file = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), file)
      else files.push(file)
    }
  }
  await walk(root, '')
  return files.sort()
}

export interface ResolveOptions {
  /** For a `field` reference: the collection whose documents it names (by file name). */
  collection?: string
}

/**
 * The site path a reference of the page at `from` names, or null. Addresses
 * (Markdown, HTML, `relative_url`) resolve as a browser follows them from the
 * page's published address; `{% link %}`, `{% post_url %}` and includes as
 * Jekyll looks their file up.
 */
export function resolveReference(
  index: LinkIndex,
  from: string,
  reference: Pick<PageReference, 'kind' | 'target'>,
  options: ResolveOptions = {},
): string | null {
  const target = reference.target
  switch (reference.kind) {
    case 'link-tag':
      return index.written.get(target) ?? index.written.get(target.replace(/^\/+/, '')) ?? null
    case 'post-url':
      return findPost(index, target)
    case 'include':
      if (!validIncludeName(target)) return null
      return index.includes.has(target) ? `_includes/${target}` : null
    case 'include-relative': {
      if (!validIncludeName(target)) return null
      const file = path.posix.join(path.posix.dirname(from), target)
      return index.files.has(file) ? file : null
    }
    case 'field':
      return resolveField(index, target, options.collection)
    case 'relative-url':
      return resolveAddress(index, `/${target.replace(/^\/+/, '')}`)
    default:
      if (target === '') return from
      return resolveAddress(index, absoluteAddress(index, from, target))
  }
}

/** A page's address for a link written on it: site-absolute, or relative to the page's URL. */
function absoluteAddress(index: LinkIndex, from: string, target: string): string {
  const clean = target.replace(/[?].*$/, '')
  if (clean.startsWith('/')) {
    const base = index.site.config.baseurl.replace(/\/+$/, '')
    const normalBase = base === '' ? '' : `/${base.replace(/^\/+/, '')}`
    if (normalBase && (clean === normalBase || clean.startsWith(`${normalBase}/`)))
      return clean.slice(normalBase.length) || '/'
    return clean
  }
  const doc = index.documents.get(from)
  const pageUrl = doc ? decode(doc.url) : `/${path.posix.dirname(from)}/`
  const folder = pageUrl.endsWith('/') ? pageUrl : path.posix.dirname(pageUrl)
  return path.posix.join(folder.startsWith('/') ? folder : `/${folder}`, clean)
}

function resolveAddress(index: LinkIndex, address: string): string | null {
  const decoded = decode(address.replace(/[?].*$/, ''))
  return (
    index.addresses.get(decoded) ??
    index.addresses.get(decoded.replace(/\/+$/, '')) ??
    index.addresses.get(`${decoded.replace(/\/+$/, '')}/`) ??
    null
  )
}

/**
 * The addresses a written file answers to: `themes/acces/index.html` at
 * `/themes/acces/index.html`, `/themes/acces/` and `/themes/acces`; `a.html`
 * also at `/a` (as GitHub Pages and `jekyll serve` serve it).
 */
function addressesOf(output: string): string[] {
  const full = `/${output}`
  const list = [full]
  if (full.endsWith('/index.html')) {
    const folder = full.slice(0, -'index.html'.length)
    list.push(folder)
    if (folder !== '/') list.push(folder.slice(0, -1))
  } else if (full.endsWith('.html')) list.push(full.slice(0, -5))
  return list
}

/** A field naming a page: its path from the site root, or its file name without extension. */
function resolveField(index: LinkIndex, value: string, collection?: string): string | null {
  const direct = index.documents.get(value)
  if (direct && (collection === undefined || direct.collection === collection))
    return direct.relativePath
  const named = index.stems.get(value) ?? []
  const doc = named.find(
    (candidate) => collection === undefined || candidate.collection === collection,
  )
  return doc?.relativePath ?? null
}

/** `{% post_url 2024-05-14-titre %}` or `dossier/2024-05-14-titre`, as Jekyll's `PostComparer`. */
function findPost(index: LinkIndex, name: string): string | null {
  const wanted = name.trim()
  // A post's name ends the path: its stem, without a folder, finds the candidates at once.
  const candidates = index.stems.get(path.posix.basename(wanted)) ?? []
  for (const doc of candidates) {
    if (doc.kind !== 'post') continue
    const withoutExt = doc.relativePath.replace(/\.[^/.]+$/, '')
    if (withoutExt.endsWith(`/${wanted}`) || fileStem(doc.relativePath) === wanted)
      return doc.relativePath
  }
  return null
}

/** Jekyll refuses include names with `..`, `./` or characters outside its set (the build stops). */
function validIncludeName(name: string): boolean {
  return /^[\w/.\-()+~#@]+$/.test(name) && !/(?:^|\/)\.\.?(?:\/|$)/.test(name)
}

export function fileStem(sitePath: string): string {
  return path.posix.basename(sitePath).replace(/\.[^.]+$/, '')
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
