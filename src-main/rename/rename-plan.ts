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

export interface RenameRequest {
  page: RenamedPage
  title: string
  files: readonly ScannedFile[]
  /** The reference fields `_atelier.yml` declares. */
  fields: readonly ReferenceField[]
  /** Whether a reference written in `from` names the page (as Jekyll or a browser finds it). */
  namesPage(from: string, reference: PageReference, collection?: string): boolean
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
}

/**
 * The file name a title gives a page, in its folder: Atelier's slug of the title, the
 * page's extension, and a post's date kept. Null when the title leaves no letter to name
 * a file with.
 */
export function renamedPath(page: RenamedPage, title: string): string | null {
  const slug = slugify(title)
  if (!slug) return null
  const folder = path.posix.dirname(page.path)
  const file = path.posix.basename(page.path)
  const date = page.collection === 'posts' ? (/^\d{4}-\d{2}-\d{2}-/.exec(file)?.[0] ?? '') : ''
  const name = `${date}${slug}${path.posix.extname(file)}`
  return folder === '.' ? name : `${folder}/${name}`
}

/**
 * Every change a rename makes, computed before anything is written so the user sees it:
 * the page's title and file name, and in every other file each reference that names the page
 * — `{% link %}`, `{% post_url %}`, addresses in Markdown, HTML or `relative_url`, declared
 * reference fields and menu data — rewritten to its new name, anchors kept and the rest of
 * the text untouched. A reference is rewritten only when it names the page (resolved as the
 * site would), so a page whose name merely starts the same is left alone.
 */
export function planRename(request: RenameRequest): RenamePlan | null {
  const { page, title } = request
  const to = renamedPath(page, title)
  if (!to) return null
  const oldSlug = pageSlug(page.path, page.collection)
  const newSlug = pageSlug(to, page.collection)
  const newUrl = page.fixedUrl ? page.url : replaceSegment(page.url, oldSlug, newSlug)
  const rename: Rewrite = {
    oldPath: page.path,
    newPath: to,
    oldSlug,
    newSlug,
    oldUrl: page.url,
    newUrl,
  }
  const edits: FileEdit[] = []
  for (const file of request.files) {
    let after = rewriteReferences(file, request, rename)
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
  return { from: page.path, to, oldUrl: page.url, newUrl, edits }
}

interface Rewrite {
  oldPath: string
  newPath: string
  oldSlug: string
  newSlug: string
  oldUrl: string
  newUrl: string
}

/** The file's text with every reference to the page rewritten, from the last to the first. */
function rewriteReferences(file: ScannedFile, request: RenameRequest, rename: Rewrite): string {
  const spans: { start: number; end: number; text: string }[] = []
  for (const reference of file.references) {
    const replacement = rewritten(file, reference, request, rename)
    if (replacement !== null && replacement !== reference.target)
      spans.push({ start: reference.start, end: reference.end, text: replacement })
  }
  let text = file.text
  for (const span of spans.sort((a, b) => b.start - a.start))
    text = text.slice(0, span.start) + span.text + text.slice(span.end)
  return text
}

/** The new target of one reference, or null when it does not name the page. */
function rewritten(
  file: ScannedFile,
  reference: PageReference,
  request: RenameRequest,
  rename: Rewrite,
): string | null {
  const target = reference.target
  if (reference.kind === 'field') {
    const declared = request.fields.find(
      (field) =>
        field.collection === file.collection &&
        field.path.join('.') === reference.field &&
        field.target === request.page.collection,
    )
    if (!declared || !request.namesPage(file.path, reference, declared.target)) return null
    return target === rename.oldPath ? rename.newPath : rename.newSlug
  }
  if (!request.namesPage(file.path, reference)) return null
  switch (reference.kind) {
    case 'link-tag':
    case 'include':
    case 'include-relative':
      return replaceSegment(
        target,
        path.posix.basename(rename.oldPath),
        path.posix.basename(rename.newPath),
      )
    case 'post-url':
      return replaceSegment(target, stem(rename.oldPath), stem(rename.newPath))
    default:
      // An address: the page's old one written whole becomes the new one; a relative or
      // `.html` spelling has its name changed where it stands.
      if (rename.oldUrl === rename.newUrl) return null
      if (target === rename.oldUrl) return rename.newUrl
      return replaceSegment(target, rename.oldSlug, rename.newSlug)
  }
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
