import path from 'node:path'
import type { ReferenceField } from '../../src-shared/content-types/reference-fields.js'
import { pageSlug } from '../../src-shared/content-types/reference-fields.js'
import { setField } from '../../src-shared/front-matter/front-matter-edit.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { slugify } from '../../src-shared/site/slugify.js'
import type { PageReference } from '../links/page-references.js'

/** The page being renamed, as the site publishes it. */
export interface RenamedPage {
  /** From the site root: `_themes/acces-information.md`. */
  path: string
  /** `themes`, `posts`, or `pages` for a plain page. */
  collection: string
  /** Its published address, without the base URL: `/themes/acces-information/`. */
  url: string
  /** Whether its address does not follow its file name (a `permalink:` without placeholders). */
  fixedUrl: boolean
}

/** A file of the site that may name the page: its text as read, and the references found in it. */
export interface ScannedFile {
  path: string
  /** The collection of a page (`cas_pratiques`), null for data files and includes. */
  collection: string | null
  text: string
  references: readonly PageReference[]
}

/** Where a moved page goes and how the site publishes it there (`documentAt`). */
export interface Destination {
  path: string
  /** Its address there (decoded, without the base URL); `''` when the site would not publish it. */
  url: string
  /** Its collection there (`pages` for a plain page), null when it would not be published. */
  collection: string | null
}

export interface RenameRequest {
  page: RenamedPage
  title: string
  /** For a move to another folder: where the page goes. Else it stays in its folder. */
  destination?: Destination
  files: readonly ScannedFile[]
  /** The reference fields `_atelier.yml` declares. */
  fields: readonly ReferenceField[]
  /** Whether a reference written in `from` names the page (as Jekyll or a browser finds it). */
  namesPage(from: string, reference: PageReference, collection?: string): boolean
  /** A file's published address (decoded), or null for a file with none (data, templates). */
  urlOf(file: string): string | null
  /** The site's `baseurl` (`/guide`), kept where a link writes it before the address. */
  baseurl?: string
}

/** A reference that could not name the page at its new place (a move refused for it). */
export interface StrandedReference {
  path: string
  line: number
}

/** One line of a file, before and after. */
export interface LineChange {
  line: number
  before: string
  after: string
}

export interface FileEdit {
  path: string
  before: string
  after: string
  lines: LineChange[]
}

export interface RenamePlan {
  from: string
  /** The new path; equal to `from` when only the title changes. */
  to: string
  oldUrl: string
  newUrl: string
  /** The renamed page's own edit (its title) comes first, under its old path; then every file naming it. */
  edits: FileEdit[]
  /** References that cannot follow the page to its new place: the move must be refused. */
  stranded: StrandedReference[]
}

/**
 * The file name a title gives a page, in its folder: Atelier's slug of the title, the
 * page's extension, and a post's date kept. Null when the title leaves no letter to name
 * a file with.
 */
export function renamedPath(page: RenamedPage, title: string, folder?: string): string | null {
  const slug = slugify(title)
  if (!slug) return null
  const into = folder ?? path.posix.dirname(page.path)
  const file = path.posix.basename(page.path)
  const date = page.collection === 'posts' ? (/^\d{4}-\d{2}-\d{2}-/.exec(file)?.[0] ?? '') : ''
  const name = `${date}${slug}${path.posix.extname(file)}`
  return into === '.' || into === '' ? name : `${into}/${name}`
}

/**
 * Every change a rename makes, computed before anything is written so the user sees it:
 * the page's title and file name, and in every other file each reference that names the page
 * — `{% link %}`, `{% post_url %}`, addresses in Markdown, HTML or `relative_url`, declared
 * reference fields and menu data — rewritten to its new name, anchors kept and the rest of
 * the text untouched. A reference is rewritten only when it names the page (resolved as the
 * site would), so a page whose name merely starts the same is left alone. A move to another
 * folder also rewrites the page's own relative links, which would otherwise start from its new
 * address; a reference that cannot name the page there (a `theme:` when the page leaves the
 * themes) is listed in `stranded`.
 */
export function planRename(request: RenameRequest): RenamePlan | null {
  const { page, title, destination } = request
  const to = destination?.path ?? renamedPath(page, title)
  if (!to) return null
  const oldSlug = pageSlug(page.path, page.collection)
  const newCollection = destination ? destination.collection : page.collection
  const newSlug = pageSlug(to, newCollection ?? page.collection)
  const newUrl = destination
    ? destination.url
    : page.fixedUrl
      ? page.url
      : replaceSegment(page.url, oldSlug, newSlug)
  const rename: Rewrite = {
    oldPath: page.path,
    newPath: to,
    oldSlug,
    newSlug,
    oldUrl: page.url,
    newUrl,
    moved: path.posix.dirname(to) !== path.posix.dirname(page.path),
    newCollection,
  }
  const edits: FileEdit[] = []
  const stranded: StrandedReference[] = []
  for (const file of request.files) {
    let after = rewriteReferences(file, request, rename, stranded)
    if (file.path === page.path) after = withTitle(after, title)
    // The page's own text moves with it even when nothing in it changes.
    if (after !== file.text || (file.path === page.path && to !== page.path))
      edits.push({
        path: file.path,
        before: file.text,
        after,
        lines: changedLines(file.text, after),
      })
  }
  edits.sort((a, b) => (a.path === page.path ? -1 : b.path === page.path ? 1 : 0))
  return { from: page.path, to, oldUrl: page.url, newUrl, edits, stranded }
}

interface Rewrite {
  oldPath: string
  newPath: string
  oldSlug: string
  newSlug: string
  oldUrl: string
  newUrl: string
  /** Whether the page changes folder (a move), not only its name. */
  moved: boolean
  /** The page's collection at its new place; null when the site would not publish it there. */
  newCollection: string | null
}

/** What one reference becomes: its new target, unchanged (null), or unable to follow. */
type Rewritten = string | null | typeof STRANDED
const STRANDED = Symbol('stranded')

/** The file's text with every reference to the page rewritten, from the last to the first. */
function rewriteReferences(
  file: ScannedFile,
  request: RenameRequest,
  rename: Rewrite,
  stranded: StrandedReference[],
): string {
  const spans: { start: number; end: number; text: string }[] = []
  for (const reference of file.references) {
    let replacement = rewritten(file, reference, request, rename)
    if (replacement === null && rename.moved && file.path === rename.oldPath)
      replacement = ownLinkFromNewPlace(reference, request, rename)
    if (replacement === STRANDED) stranded.push({ path: file.path, line: reference.line })
    else if (replacement !== null && replacement !== reference.target)
      spans.push({ start: reference.start, end: reference.end, text: replacement })
  }
  let text = file.text
  for (const span of spans.sort((a, b) => b.start - a.start))
    text = text.slice(0, span.start) + span.text + text.slice(span.end)
  return text
}

/** The new target of one reference, null when it does not name the page or stays. */
function rewritten(
  file: ScannedFile,
  reference: PageReference,
  request: RenameRequest,
  rename: Rewrite,
): Rewritten {
  const target = reference.target
  if (reference.kind === 'field') {
    const declared = request.fields.find(
      (field) =>
        field.collection === file.collection &&
        field.path.join('.') === reference.field &&
        field.target === request.page.collection,
    )
    if (!declared || !request.namesPage(file.path, reference, declared.target)) return null
    // A field names documents of one collection: the page leaving it cannot be named there.
    if (rename.newCollection !== declared.target) return STRANDED
    return target === rename.oldPath ? rename.newPath : rename.newSlug
  }
  if (!request.namesPage(file.path, reference)) return null
  // Published nowhere at its new place: nothing can link to it there.
  if (rename.newCollection === null && reference.kind !== 'include-relative') return STRANDED
  switch (reference.kind) {
    case 'link-tag':
      if (!rename.moved)
        return replaceSegment(
          target,
          path.posix.basename(rename.oldPath),
          path.posix.basename(rename.newPath),
        )
      return `${/^\/*/.exec(target)![0]}${rename.newPath}`
    case 'include':
      // A file of `_includes/`, named from there: it cannot be included from elsewhere.
      if (!rename.newPath.startsWith('_includes/')) return STRANDED
      return rename.newPath.slice('_includes/'.length)
    case 'include-relative': {
      const relative = path.posix.relative(path.posix.dirname(file.path), rename.newPath)
      // Jekyll refuses `..` in an included name: the build would stop.
      return relative.split('/').includes('..') ? STRANDED : relative
    }
    case 'post-url':
      if (rename.newCollection !== 'posts') return STRANDED
      if (!target.includes('/')) return stem(rename.newPath)
      return rename.newPath.replace(/^(?:.*\/)?_posts\//, '').replace(/\.[^/.]+$/, '')
    default:
      // An address: the page's old one written whole becomes the new one; a relative or
      // `.html` spelling has its name changed where it stands, or, after a move, is written
      // again from the linking page's address.
      if (rename.oldUrl === rename.newUrl) return null
      if (target === rename.oldUrl) return rename.newUrl
      if (!rename.moved) return replaceSegment(target, rename.oldSlug, rename.newSlug)
      return addressFrom(
        reference,
        target,
        // The page's own links start from where it will be.
        file.path === rename.oldPath ? rename.newUrl : request.urlOf(file.path),
        rename.newUrl,
        request.baseurl ?? '',
      )
  }
}

/**
 * A moved page's own relative link, written again from its new address so that it still
 * leads where it led; null for links that do not depend on where the page is.
 */
function ownLinkFromNewPlace(
  reference: PageReference,
  request: RenameRequest,
  rename: Rewrite,
): Rewritten {
  const target = reference.target
  if (reference.kind === 'include-relative') {
    const file = path.posix.join(path.posix.dirname(rename.oldPath), target)
    const relative = path.posix.relative(path.posix.dirname(rename.newPath), file)
    return relative.split('/').includes('..') ? STRANDED : relative
  }
  const address =
    reference.kind === 'markdown-link' ||
    reference.kind === 'image' ||
    reference.kind === 'html-link'
  if (
    !address ||
    target === '' ||
    target.startsWith('/') ||
    /^(?:[a-z][a-z0-9+.-]*:|\/\/|\{)/i.test(target)
  )
    return null
  const oldUrl = request.urlOf(rename.oldPath)
  if (oldUrl === null || rename.newUrl === '' || urlFolder(oldUrl) === urlFolder(rename.newUrl))
    return null
  const absolute = path.posix.join(urlFolder(oldUrl), target) + (target.endsWith('/') ? '/' : '')
  return relativeAddress(rename.newUrl, absolute)
}

/** The new address of the page as a reference in a page at `fromUrl` writes it. */
function addressFrom(
  reference: PageReference,
  target: string,
  fromUrl: string | null,
  newUrl: string,
  baseurl: string,
): string {
  if (reference.kind === 'relative-url') return target.startsWith('/') ? newUrl : newUrl.slice(1)
  const query = /[?].*$/.exec(target)?.[0] ?? ''
  if (target.startsWith('/')) {
    // Keep a base URL written before the address (`/guide/themes/x/`).
    const base = `/${baseurl.replace(/^\/+|\/+$/g, '')}`
    const prefix = base !== '/' && target.startsWith(`${base}/`) ? base : ''
    return prefix + newUrl + query
  }
  if (fromUrl === null) return newUrl + query
  return relativeAddress(fromUrl, newUrl) + query
}

/** The folder part of an address: `/themes/x/` → `/themes/x/`, `/themes/x.html` → `/themes/`. */
function urlFolder(url: string): string {
  return url.endsWith('/') ? url : `${path.posix.dirname(url)}/`.replace(/\/+$/, '/')
}

/** `to` written relative to a page at `from`, as a browser resolves it back. */
function relativeAddress(from: string, to: string): string {
  const relative = path.posix.relative(urlFolder(from), to)
  if (relative === '') return './'
  return to.endsWith('/') && !relative.endsWith('/') ? `${relative}/` : relative
}

/** `text` with its last path segment (or segment stem) that is `from` replaced by `to`. */
function replaceSegment(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(^|/)${escaped}(?=$|/|\\.[A-Za-z0-9]+/?$)`, 'g')
  let last: RegExpExecArray | null = null
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) last = match
  if (!last) return text
  const at = last.index + last[1]!.length
  return text.slice(0, at) + to + text.slice(at + from.length)
}

function stem(sitePath: string): string {
  return path.posix.basename(sitePath).replace(/\.[^.]+$/, '')
}

/** The page's text with its `title:` set, the rest of the front matter as written. */
function withTitle(text: string, title: string): string {
  const split = splitFrontMatter(text)
  if (split.kind !== 'yaml') return text
  const yamlStart = split.bodyStart - split.close.length - split.yaml.length
  return (
    text.slice(0, yamlStart) +
    setField(split.yaml, ['title'], title) +
    text.slice(yamlStart + split.yaml.length)
  )
}

/** The lines that differ: a rename rewrites within lines, so line numbers hold on both sides. */
export function changedLines(before: string, after: string): LineChange[] {
  const [old, next] = [before.split('\n'), after.split('\n')]
  const changes: LineChange[] = []
  for (let index = 0; index < Math.max(old.length, next.length); index++) {
    const [a, b] = [old[index] ?? '', next[index] ?? '']
    if (a !== b)
      changes.push({ line: index + 1, before: a.replace(/\r$/, ''), after: b.replace(/\r$/, '') })
  }
  return changes
}
