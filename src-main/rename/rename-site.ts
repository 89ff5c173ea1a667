import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { ContentTypes } from '../../src-shared/content-types/content-types.js'
import {
  pageSlug,
  referenceFields,
  type ReferenceField,
} from '../../src-shared/content-types/reference-fields.js'
import { decodePage } from '../../src-shared/markdown/page-bytes.js'
import { unlessNotFound } from '../fs/not-found.js'
import { findReferences } from '../links/page-references.js'
import { readLinkIndex, resolveReference, type LinkIndex } from '../links/resolve-reference.js'
import { dataReferences } from './data-references.js'
import { nestedFieldReferences } from './nested-field-references.js'
import {
  planRename,
  renamedPath,
  type Destination,
  type RenamePlan,
  type ScannedFile,
} from './rename-plan.js'
import { documentAt } from '../preview/read-site.js'

/** Where a page can be named from besides other pages: menu data, layouts and includes. */
const DATA_FILE = /^_data\/.+\.ya?ml$/i
const TEMPLATE_FILE = /^_(?:includes|layouts)\/.+\.(?:html|md|markdown|liquid)$/i
const READ_BATCH = 64

/**
 * Reads the site at `root` as Jekyll would and plans giving the page at `page` the title
 * `title` (its file name follows): every file that names it, with what changes. Refused
 * for a file that is not a page of the site, a title that gives no file name, or a name
 * another file already has.
 */
export async function planSiteRename(
  root: string,
  page: string,
  title: string,
  types: ContentTypes | null,
  /** The site as last read, when the caller keeps one; read afresh otherwise. */
  known?: LinkIndex,
  /** A move: the folder the page goes to (`''` for the site's root); else it stays. */
  folder?: string,
): Promise<RenamePlan> {
  const index = known ?? (await readLinkIndex(root))
  const fields = referenceFields(types)
  const document = index.documents.get(page)
  // A page the site does not read (a draft, an excluded folder) has no address and nothing
  // can link to it: only its title and file name change.
  if (!document && !(index.files.has(page) && /\.(md|markdown|html?)$/i.test(page)))
    throw new AtelierError('not-a-page', page)
  const permalink = document?.data.permalink
  const renamed = {
    path: page,
    collection: document ? (document.collection ?? 'pages') : 'pages',
    url: document ? decode(document.url) : '',
    fixedUrl: !document || (typeof permalink === 'string' && !permalink.includes(':')),
  }
  const files = await scanFiles(root, index, fields, page)
  let destination: Destination | undefined
  if (
    folder !== undefined &&
    folder.replace(/\/+$/, '') !== path.posix.dirname(page).replace(/^\.$/, '')
  ) {
    const into = folder.replace(/\/+$/, '')
    // A move that keeps the title keeps the file's name, however it was first named.
    const sameTitle = document !== undefined && String(document.data.title ?? '') === title.trim()
    const name = path.posix.basename(page)
    const to = sameTitle
      ? into === ''
        ? name
        : `${into}/${name}`
      : renamedPath(renamed, title, into)
    if (!to) throw new AtelierError('invalid-input', title)
    const text = files.find((file) => file.path === page)?.text ?? ''
    const placed = await documentAt(index.site, to, text)
    destination = {
      path: to,
      url: placed && placed.output !== null ? decode(placed.url) : '',
      collection: placed && placed.output !== null ? (placed.collection ?? 'pages') : null,
    }
  }
  const plan = planRename({
    page: renamed,
    title,
    destination,
    files,
    fields,
    namesPage: (from, reference, target) =>
      resolveReference(index, from, reference, target ? { collection: target } : {}) === page,
    urlOf: (file) => {
      const doc = index.documents.get(file)
      return doc && doc.output !== null ? decode(doc.url) : null
    },
    baseurl: index.site.config.baseurl,
  })
  if (!plan) throw new AtelierError('invalid-input', title)
  if (plan.to !== plan.from && index.files.has(plan.to))
    throw new AtelierError('already-exists', path.posix.basename(plan.to))
  const [first] = plan.stranded
  if (first) throw new AtelierError('move-strands-links', `${first.path} (${first.line})`)
  return plan
}

/**
 * The site's pages, data files and templates that may name `page` (and the page itself), as
 * text with the references that may name it. Any reference to a page writes its file name,
 * its slug or the end of its address, so a file holding none of them is not scanned and a
 * reference holding none is not resolved: a large guide costs a text search, not a parse.
 */
export async function scanFiles(
  root: string,
  index: LinkIndex,
  fields: readonly ReferenceField[],
  page: string,
): Promise<ScannedFile[]> {
  const scanned: ScannedFile[] = []
  const collectionOf = new Map(
    index.site.documents.map((doc) => [doc.relativePath, doc.collection ?? 'pages']),
  )
  const needles = namesOf(index, page)
  const mentions = (text: string) => needles === null || needles.some((n) => text.includes(n))
  const candidates = [...index.files].filter(
    (file) =>
      collectionOf.has(file) || DATA_FILE.test(file) || TEMPLATE_FILE.test(file) || file === page,
  )
  // Read a few dozen at a time: one by one, the disk's latency adds up over thousands of pages.
  for (let at = 0; at < candidates.length; at += READ_BATCH) {
    const batch = candidates.slice(at, at + READ_BATCH)
    const texts = await Promise.all(
      batch.map(async (file) => {
        const bytes = await unlessNotFound(readFile(path.join(root, file)))
        return bytes && decodePage(bytes)
      }),
    )
    batch.forEach((file, offset) => {
      const decoded = texts[offset]
      // A file Atelier would not edit (binary, not UTF-8, too large) is never rewritten either.
      if (!decoded?.ok || (file !== page && !mentions(decoded.text))) return
      const isData = DATA_FILE.test(file)
      const collection = collectionOf.get(file) ?? null
      const nested = fields.filter((field) => field.collection === collection)
      const references = isData
        ? dataReferences(decoded.text)
        : [
            ...findReferences(decoded.text),
            ...nestedFieldReferences(
              decoded.text,
              nested.map((field) => field.path),
            ),
          ]
      scanned.push({
        path: file,
        collection,
        text: decoded.text,
        // The page's own links all count: a move writes its relative ones again.
        references: file === page ? references : references.filter((r) => mentions(r.target)),
      })
    })
  }
  return scanned
}

/**
 * What any reference to the page must contain: its file name without extension, its slug
 * (a post's, without the date) and the last part of its address, as written and
 * percent-encoded. Null when one is empty (the home page at `/`): then everything is read.
 */
function namesOf(index: LinkIndex, page: string): string[] | null {
  const document = index.documents.get(page)
  const stem = path.posix.basename(page).replace(/\.[^.]+$/, '')
  const slug = pageSlug(page, document?.collection ?? 'pages')
  const tail = document
    ? (decode(document.url)
        .split('/')
        .filter(Boolean)
        .pop()
        ?.replace(/\.[^.]+$/, '') ?? '')
    : stem
  const names = [stem, slug, tail]
  if (names.some((name) => name === '')) return null
  return [...new Set(names.flatMap((name) => [name, encodeURIComponent(name)]))]
}

function decode(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}
