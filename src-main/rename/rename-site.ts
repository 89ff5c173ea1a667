import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { ContentTypes } from '../../src-shared/content-types/content-types.js'
import {
  referenceFields,
  type ReferenceField,
} from '../../src-shared/content-types/reference-fields.js'
import { decodePage } from '../../src-shared/markdown/page-bytes.js'
import { unlessNotFound } from '../fs/not-found.js'
import { findReferences } from '../links/page-references.js'
import { readLinkIndex, resolveReference, type LinkIndex } from '../links/resolve-reference.js'
import { dataReferences } from './data-references.js'
import { nestedFieldReferences } from './nested-field-references.js'
import { planRename, type RenamePlan, type ScannedFile } from './rename-plan.js'

/** Where a page can be named from besides other pages: menu data, layouts and includes. */
const DATA_FILE = /^_data\/.+\.ya?ml$/i
const TEMPLATE_FILE = /^_(?:includes|layouts)\/.+\.(?:html|md|markdown|liquid)$/i

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
): Promise<RenamePlan> {
  const index = await readLinkIndex(root)
  const fields = referenceFields(types)
  const document = index.documents.get(page)
  // A page the site does not read (a draft, an excluded folder) has no address and nothing
  // can link to it: only its title and file name change.
  if (!document && !(index.files.has(page) && /\.(md|markdown|html?)$/i.test(page)))
    throw new AtelierError('not-a-page', page)
  const permalink = document?.data.permalink
  const plan = planRename({
    page: {
      path: page,
      collection: document ? (document.collection ?? 'pages') : 'pages',
      url: document ? decode(document.url) : '',
      fixedUrl: !document || (typeof permalink === 'string' && !permalink.includes(':')),
    },
    title,
    files: await scanFiles(root, index, fields, page),
    fields,
    namesPage: (from, reference, target) =>
      resolveReference(index, from, reference, target ? { collection: target } : {}) === page,
  })
  if (!plan) throw new AtelierError('invalid-input', title)
  if (plan.to !== plan.from && index.files.has(plan.to))
    throw new AtelierError('already-exists', path.posix.basename(plan.to))
  return plan
}

/** The site's own pages, data files and templates (and `also`), as text with their references. */
export async function scanFiles(
  root: string,
  index: LinkIndex,
  fields: readonly ReferenceField[],
  also?: string,
): Promise<ScannedFile[]> {
  const scanned: ScannedFile[] = []
  const collectionOf = new Map(
    index.site.documents.map((doc) => [doc.relativePath, doc.collection ?? 'pages']),
  )
  for (const file of index.files) {
    const isData = DATA_FILE.test(file)
    if (!collectionOf.has(file) && !isData && !TEMPLATE_FILE.test(file) && file !== also) continue
    const bytes = await unlessNotFound(readFile(path.join(root, file)))
    const decoded = bytes && decodePage(bytes)
    // A file Atelier would not edit (binary, not UTF-8, too large) is never rewritten either.
    if (!decoded?.ok) continue
    const collection = collectionOf.get(file) ?? null
    const nested = fields.filter((field) => field.collection === collection)
    scanned.push({
      path: file,
      collection,
      text: decoded.text,
      references: isData
        ? dataReferences(decoded.text)
        : [
            ...findReferences(decoded.text),
            ...nestedFieldReferences(
              decoded.text,
              nested.map((field) => field.path),
            ),
          ],
    })
  }
  return scanned
}

function decode(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}
