import path from 'node:path'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { parseContentTypes, type Field } from '../../src-shared/content-types/content-types.js'
import { typeForCollection } from '../../src-shared/content-types/lookup.js'
import { CONTENT_TYPES_FILE } from '../../src-shared/content-types/file-name.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { comparePages } from '../../src-shared/diff/page-comparison.js'
import { translate } from '../../src-shared/i18n/translate.js'
import { markWordChanges } from '../../src-shared/review/word-diff.js'
import { mainLine } from '../git/main-line.js'
import type { RepositoryContext } from '../git/repository-context.js'
import { BoundedRenderer } from '../preview/bounded-renderer.js'
import { readSite } from '../preview/read-site.js'
import type { Site, SiteDocument } from '../preview/site-model.js'
import { readPageText } from '../site/front-matter.js'
import { placeOf } from '../site/site-filter.js'
import { changedFiles } from './changed-files.js'

export type { ReviewDiff, ReviewField, ReviewPage } from '../../src-shared/api/review-types.js'
import type { ReviewDiff, ReviewPage } from '../../src-shared/api/review-types.js'

export interface ReviewDiffOptions {
  /** The preview's renderer, to share its workers; a private one is started and stopped otherwise. */
  renderer?: BoundedRenderer
  /** The preview's site model of the open folder (layouts, includes, settings); read here otherwise. */
  site?: Site
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)$/i

/**
 * `branch` against the main line, from their merge base: what `git diff
 * main...branch` lists, each page rendered as it will be published with its
 * changes marked. The pages' texts come from git (merge base and tip); the
 * layouts, includes and settings they render with are the open folder's.
 */
export async function reviewDiff(
  context: RepositoryContext,
  branch: string,
  options: ReviewDiffOptions = {},
): Promise<ReviewDiff> {
  const tip = await resolveBranch(context, branch)
  const mainOid = await resolveBranch(context, await mainLine(context))
  const [base] = await git.findMergeBase({
    fs: context.fs,
    gitdir: context.gitdir,
    cache: context.cache,
    oids: [mainOid, tip],
  })
  if (typeof base !== 'string') throw new AtelierError('review-no-common-base', branch)
  const files = await changedFiles(context, base, tip)
  const site = options.site ?? (await readSite(context.root))
  const labels = await fieldLabels(context, tip, base)
  const renderer = options.renderer ?? new BoundedRenderer()
  try {
    const pages: ReviewPage[] = []
    for (const file of files) {
      const before =
        file.change === 'added' ? null : await blobAt(context, base, file.from ?? file.path)
      const after = file.change === 'deleted' ? null : await blobAt(context, tip, file.path)
      pages.push(await reviewPage(site, renderer, labels, file, before, after))
    }
    return { branch, base, tip, pages }
  } finally {
    if (!options.renderer) await renderer.close()
  }
}

async function resolveBranch(context: RepositoryContext, branch: string): Promise<string> {
  try {
    return await git.resolveRef({
      fs: context.fs,
      gitdir: context.gitdir,
      ref: branch.startsWith('refs/') ? branch : `refs/heads/${branch}`,
    })
  } catch {
    throw new AtelierError('contribution-not-found', branch)
  }
}

async function blobAt(context: RepositoryContext, commit: string, file: string): Promise<Buffer> {
  const entry = (await context.trees.filesOfCommit(commit)).get(file)
  if (!entry) throw new AtelierError('missing-object', file)
  return context.objects.read(entry.oid).content
}

/** Labels by collection and dotted key, from `_atelier.yml` as the contribution has it. */
type Labels = (collection: string | null, key: string) => string

async function fieldLabels(context: RepositoryContext, ...commits: string[]): Promise<Labels> {
  for (const commit of commits) {
    const entry = (await context.trees.filesOfCommit(commit)).get(CONTENT_TYPES_FILE)
    if (!entry) continue
    // Read once per version of the file: parsing it costs more than the rest of a small diff.
    let labels = labelsByBlob.get(entry.oid)
    if (!labels) {
      labels = labelsOf(context.objects.read(entry.oid).content.toString('utf8'))
      labelsByBlob.set(entry.oid, labels)
      for (const oldest of labelsByBlob.keys()) {
        if (labelsByBlob.size <= 16) break
        labelsByBlob.delete(oldest)
      }
    }
    return labels
  }
  return (_, key) => key
}

/** The labels of the last few `_atelier.yml` versions read, by blob id (a blob never changes). */
const labelsByBlob = new Map<string, Labels>()

/** The labels of an `_atelier.yml` text; the keys themselves when there is none or it does not read. */
function labelsOf(contentTypes: string | null): Labels {
  const parsed = contentTypes === null ? null : parseContentTypes(contentTypes)
  if (!parsed?.ok) return (_, key) => key
  const types = parsed.value
  return (collection, key) => {
    const type = collection === null ? null : typeForCollection(types, collection)
    return (type && labelOf(type.fields, key.split('.'))) ?? key
  }
}

function labelOf(fields: Field[], keys: string[]): string | null {
  const field = fields.find((item) => item.name === keys[0])
  if (!field) return null
  if (keys.length === 1) return field.label
  if (field.type !== 'object') return null
  const inner = labelOf(field.fields, keys.slice(1))
  return inner === null ? null : `${field.label} › ${inner}`
}

async function reviewPage(
  site: Site,
  renderer: BoundedRenderer,
  labels: Labels,
  file: { path: string; from?: string; change: ReviewPage['change'] },
  before: Buffer | null,
  after: Buffer | null,
): Promise<ReviewPage> {
  const entry = {
    path: file.path,
    ...(file.from === undefined ? {} : { from: file.from }),
    change: file.change,
  }
  const beforeText = before && pageText(site, file.from ?? file.path, before)
  const afterText = after && pageText(site, file.path, after)
  if ((before && beforeText === null) || (after && afterText === null)) {
    const image = IMAGE.test(file.path)
    return {
      ...entry,
      title: path.posix.basename(file.path),
      page: false,
      fields: [],
      html: null,
      images: {
        added: image && file.change === 'added' ? [file.path] : [],
        removed: image && file.change === 'deleted' ? [file.path] : [],
      },
    }
  }
  const collection = collectionOf(site, file.path)
  // Settings only: the bodies are compared rendered, below, not line by line.
  const comparison = comparePages(settingsOf(beforeText), settingsOf(afterText))
  const fields = comparison.fields.map((field) => ({
    key: field.key,
    label: labels(collection, field.key),
    before: field.before,
    after: field.after,
  }))
  const beforeDoc =
    beforeText === null ? null : documentFor(site, file.from ?? file.path, beforeText)
  const afterDoc = afterText === null ? null : documentFor(site, file.path, afterText)
  // Both sides at once: the renderer has two workers. A body that did not change (settings
  // only) renders once, when nothing in it can read the settings (no Liquid).
  const [beforeBody, afterBody] =
    beforeDoc && afterDoc && sameRendering(beforeDoc, afterDoc)
      ? await renderBody(site, renderer, afterDoc).then((html) => [html, html] as const)
      : await Promise.all([
          beforeDoc === null ? '' : renderBody(site, renderer, beforeDoc),
          afterDoc === null ? '' : renderBody(site, renderer, afterDoc),
        ])
  const beforeHtml = beforeBody ?? ''
  const afterHtml = afterBody ?? ''
  const shownBefore = imageSources(beforeHtml)
  const shownAfter = imageSources(afterHtml)
  // A version that cannot be rendered is not compared word by word: a notice says so,
  // and the other version shows whole.
  const html =
    beforeBody !== null && afterBody !== null
      ? markWordChanges(beforeHtml, afterHtml, { fold: true })
      : `<p class="atelier-render-failed">${escapeText(translate('fr', 'reviewDiff.renderFailed'))}</p>` +
        (beforeHtml && `<del>${beforeHtml}</del>`) +
        (afterHtml && `<ins>${afterHtml}</ins>`)
  return {
    ...entry,
    title: titleOf(afterText) ?? titleOf(beforeText) ?? path.posix.basename(file.path),
    page: true,
    fields,
    html,
    images: {
      added: [...shownAfter].filter((src) => !shownBefore.has(src)),
      removed: [...shownBefore].filter((src) => !shownAfter.has(src)),
    },
  }
}

/**
 * One page as it will be published at two versions, changes marked: what
 * « Versions » shows when it compares a page (null text: the page was absent).
 * Settings are labelled as `contentTypes` (the text of `_atelier.yml`) labels them.
 */
export function comparePublished(
  site: Site,
  renderer: BoundedRenderer,
  file: string,
  before: string | null,
  after: string | null,
  contentTypes: string | null,
): Promise<ReviewPage> {
  const change = before === null ? 'added' : after === null ? 'deleted' : 'modified'
  return reviewPage(
    site,
    renderer,
    labelsOf(contentTypes),
    { path: file, change },
    before === null ? null : Buffer.from(before),
    after === null ? null : Buffer.from(after),
  )
}

/** The text when this file is a page Jekyll converts (Markdown, front matter, not left out); else null. */
function pageText(site: Site, file: string, bytes: Buffer): string | null {
  if (bytes.includes(0)) return null
  const extension = path.posix.extname(file).toLowerCase()
  if (!site.config.markdownExtensions.includes(extension)) return null
  const place = placeOf(file, site.config).kind
  if (place !== 'page' && place !== 'collection') return null
  const text = bytes.toString('utf8')
  return readPageText(text).read.kind === 'none' ? null : text
}

/** The page's text up to its body (the front matter and its fences). */
function settingsOf(text: string | null): string | null {
  if (text === null) return null
  const split = splitFrontMatter(text)
  return split.kind === 'yaml' ? text.slice(0, split.bodyStart) : text
}

function collectionOf(site: Site, file: string): string | null {
  const place = placeOf(file, site.config)
  return place.kind === 'collection' ? place.collection : null
}

function titleOf(text: string | null): string | null {
  if (text === null) return null
  const { read } = readPageText(text)
  const title = read.kind === 'data' ? read.data.title : undefined
  return typeof title === 'string' && title.trim() ? title : null
}

/** The body as `cli render` prints it, in a worker with the preview's limits; null when it fails. */
async function renderBody(
  site: Site,
  renderer: BoundedRenderer,
  doc: SiteDocument,
): Promise<string | null> {
  const outcome = await renderer.render(site, doc, false)
  return outcome.ok ? outcome.html : null
}

/**
 * Two versions whose bodies render alike whatever their settings: the same
 * place, the same text, converted the same way, and no Liquid to read
 * `page` or `site` (Markdown alone depends only on the text and the site).
 */
function sameRendering(before: SiteDocument, after: SiteDocument): boolean {
  return (
    before.relativePath === after.relativePath &&
    before.body === after.body &&
    before.markdown === after.markdown &&
    !/\{[{%]/.test(after.body)
  )
}

/** The site's own document for this path (address, defaults) with this text; a new one otherwise. */
function documentFor(site: Site, file: string, text: string): SiteDocument {
  const { read, body, bodyLine } = readPageText(text.replace(/^\uFEFF/, ''))
  const data = read.kind === 'data' ? read.data : {}
  const known = site.documents.find((doc) => doc.relativePath === file)
  if (known) return { ...known, data: { ...known.defaults, ...data }, body, bodyLine }
  const place = placeOf(file, site.config)
  const collection = place.kind === 'collection' ? place.collection : null
  return {
    kind: collection === null ? 'page' : collection === 'posts' ? 'post' : 'document',
    relativePath: file,
    collection,
    data,
    defaults: {},
    body,
    bodyLine,
    markdown: true,
    url: '',
    output: null,
    date: null,
  }
}

function imageSources(html: string): Set<string> {
  const sources = new Set<string>()
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)) sources.add(match[1]!)
  return sources
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}
