import { rubyTime } from '../site/ruby-dates.js'
import type { Site, SiteDocument, StaticFile } from './site-model.js'

/**
 * What the drops need from the renderer, all optional (a bare drop is plain
 * data): Markdown for excerpts, an excerpt's Liquid, and the documents'
 * rendered `content`/`output`.
 */
export interface DropHelpers {
  markdown?: (text: string) => string
  /** An excerpt's text with Liquid rendered (as the document it comes from), before Markdown. */
  excerptLiquid?: (doc: SiteDocument, text: string) => string
  rendered?: RenderedDocument
}

/**
 * The objects Liquid sees as `page` and `site`, shaped like Jekyll's drops:
 * front matter plus `url`, `path`, `date`, `slug`, `collection`…; `site` holds
 * `_config.yml`, `pages`, `posts` (newest first), one array per collection,
 * `collections`, `data`, `static_files` and `time`.
 */
export function pageDrop(
  doc: SiteDocument,
  site: Site,
  helpers: DropHelpers = {},
  /** The drop of another document (`previous`/`next`): the site's own when there is one. */
  dropOf: (other: SiteDocument) => Record<string, unknown> = (other) =>
    pageDrop(other, site, helpers),
): Record<string, unknown> {
  const name = doc.relativePath.split('/').pop() ?? ''
  const drop: Record<string, unknown> = {
    ...doc.data,
    url: doc.url,
    path: doc.relativePath,
    relative_path: doc.relativePath,
    name,
    dir: doc.url.endsWith('/') ? doc.url : doc.url.replace(/[^/]*$/, ''),
    content: doc.body,
    collection: doc.collection,
  }
  if (doc.kind !== 'page') {
    drop.id = doc.url.replace(/\.html$/, '').replace(/\/$/, '')
    // Jekyll makes a document's date a `Time`, even from a YAML date alone.
    drop.date = rubyTime(doc.date ?? site.buildTime)
    withNeighbours(drop, doc, site, dropOf)
  }
  if (doc.kind !== 'page' && !('excerpt' in doc.data)) {
    // Jekyll gives every collection document an excerpt, rendered (Liquid, then Markdown)
    // like the document; worked out only when a template asks for it, since most never do.
    let excerpt: string | undefined
    Object.defineProperty(drop, 'excerpt', {
      enumerable: true,
      configurable: true,
      get: () => (excerpt ??= renderedExcerpt(doc, site, helpers)),
    })
  }
  return drop
}

/** Excerpts whose Liquid is running: one that lists excerpts gets its own raw text. */
const excerptsRendering = new Set<SiteDocument>()

function renderedExcerpt(doc: SiteDocument, site: Site, helpers: DropHelpers): string {
  let text = excerptOf(doc, site)
  if (helpers.excerptLiquid && doc.data.render_with_liquid !== false) {
    if (excerptsRendering.has(doc)) return text
    excerptsRendering.add(doc)
    try {
      text = helpers.excerptLiquid(doc, text)
    } finally {
      excerptsRendering.delete(doc)
    }
  }
  return doc.markdown && helpers.markdown ? helpers.markdown(text) : text
}

/**
 * `page.previous` / `page.next`: the documents before and after this one in its
 * collection, in Jekyll's order (`Document#previous_doc`, `#next_doc`); nil at
 * the ends. Not enumerable, so `jsonify` or a spread does not walk the chain.
 */
function withNeighbours(
  drop: Record<string, unknown>,
  doc: SiteDocument,
  site: Site,
  dropOf: (other: SiteDocument) => Record<string, unknown>,
): void {
  // LiquidJS asks every value it meets for `next` (its test for a generator): a page's
  // navigation reads `page.next` once per link. So each neighbour is a look-up in the
  // collection's order, made once per drop.
  const known = new Map<number, Record<string, unknown> | null>()
  const neighbour = (step: number) => {
    let found = known.get(step)
    if (found === undefined) {
      const docs = collectionDocs(site).get(doc.collection ?? '') ?? []
      const at = collectionPositions(site).get(doc.relativePath)
      const other = at === undefined ? undefined : docs[at + step]
      found = other ? dropOf(other) : null
      known.set(step, found)
    }
    return found
  }
  Object.defineProperty(drop, 'previous', { configurable: true, get: () => neighbour(-1) })
  Object.defineProperty(drop, 'next', { configurable: true, get: () => neighbour(1) })
}

/** Each document's place in its collection's order, by path, once per read of the site. */
const positions = new WeakMap<Site, Map<string, number>>()

function collectionPositions(site: Site): Map<string, number> {
  let known = positions.get(site)
  if (!known) {
    known = new Map()
    for (const docs of collectionDocs(site).values())
      docs.forEach((doc, at) => known!.set(doc.relativePath, at))
    positions.set(site, known)
  }
  return known
}

/** Each collection's documents in Jekyll's order, worked out once per read of the site. */
const sortedCollections = new WeakMap<Site, Map<string, SiteDocument[]>>()

export function collectionDocs(site: Site): Map<string, SiteDocument[]> {
  let sorted = sortedCollections.get(site)
  if (!sorted) {
    sorted = new Map()
    for (const doc of site.documents) {
      if (doc.collection === null) continue
      const docs = sorted.get(doc.collection) ?? []
      docs.push(doc)
      sorted.set(doc.collection, docs)
    }
    for (const docs of sorted.values()) docs.sort(jekyllOrder)
    sortedCollections.set(site, sorted)
  }
  return sorted
}

/**
 * A collection document or post as rendered (`content`: converted body; `output`: in its
 * layouts), for the drops in `site`: Jekyll renders these before pages, so a page listing
 * them prints their HTML. Null while that document is itself being rendered.
 */
export type RenderedDocument = (doc: SiteDocument, part: 'content' | 'output') => string | null

export function siteDrop(site: Site, helpers: DropHelpers = {}): Record<string, unknown> {
  const drops = new Map<SiteDocument, Record<string, unknown>>()
  const dropOf = (doc: SiteDocument): Record<string, unknown> => {
    let drop = drops.get(doc)
    if (!drop) {
      drop = pageDrop(doc, site, helpers, dropOf)
      if (helpers.rendered && doc.kind !== 'page') withRenderedParts(drop, doc, helpers.rendered)
      drops.set(doc, drop)
    }
    return drop
  }
  const dropsOf = (docs: SiteDocument[]) => docs.map(dropOf)
  const sorted = collectionDocs(site)
  // `site.posts` is newest first: Jekyll's `posts.docs.sort { |a, b| b <=> a }`.
  const posts = [...(sorted.get('posts') ?? [])].reverse()
  const drop: Record<string, unknown> = {
    ...site.config.raw,
    baseurl: site.config.baseurl,
    url: site.config.url,
    time: rubyTime(site.buildTime),
    data: site.data,
    pages: dropsOf(site.documents.filter((doc) => doc.kind === 'page')),
    html_pages: dropsOf(site.documents.filter(isHtmlPage)),
    posts: dropsOf(posts),
    // Jekyll's `site.documents`: collection by collection (posts first, then `_config.yml`'s order).
    documents: dropsOf(collectionsInOrder(site).flatMap((name) => sorted.get(name) ?? [])),
    // Files of a collection are that collection's `files`, not `site.static_files`.
    static_files: site.staticFiles.filter((file) => !file.collection).map(staticFileDrop),
    categories: postsBy(sorted.get('posts') ?? [], 'categories', dropOf),
    tags: postsBy(sorted.get('posts') ?? [], 'tags', dropOf),
  }
  const collections: Record<string, unknown>[] = []
  for (const collection of site.config.collections) {
    const docs = sorted.get(collection.name) ?? []
    if (collection.name !== 'posts') drop[collection.name] = dropsOf(docs)
    collections.push({
      ...collection.metadata,
      label: collection.name,
      docs: collection.name === 'posts' ? drop.posts : dropsOf(docs),
      output: collection.output,
      relative_directory: collection.folder,
    })
  }
  // Jekyll's `site.collections` is sorted by label (the `_config.yml` order is lost).
  drop.collections = collections.sort((a, b) =>
    String(a.label) < String(b.label) ? -1 : String(a.label) > String(b.label) ? 1 : 0,
  )
  return drop
}

/**
 * Jekyll's `SiteDrop#html_pages` rule: a page whose output extension is one of
 * `Page::HTML_EXTENSIONS` (`.html`, `.htm`, `.xhtml`), or whose address ends with `/`
 * (a `.xml` page with `permalink: /flux/` is listed).
 */
function isHtmlPage(doc: SiteDocument): boolean {
  if (doc.kind !== 'page' || doc.output === null) return false
  return /\.(?:html|htm|xhtml)$/.test(doc.output) || doc.url.endsWith('/')
}

/**
 * `site.related_posts` while `doc` renders, as Jekyll without LSI: nil in a
 * page; in a collection document the ten newest posts other than itself,
 * none when the site has a single post (`RelatedPosts#most_recent_posts`).
 */
export function relatedPosts(
  site: Site,
  doc: SiteDocument,
  posts: readonly Record<string, unknown>[],
): Record<string, unknown>[] | null {
  if (doc.kind === 'page') return null
  if (posts.length < 2) return []
  // `site.posts` is newest first; Jekyll takes the newest eleven and removes this post.
  return posts
    .slice(0, 11)
    .filter((post) => post.path !== doc.relativePath)
    .slice(0, 10)
}

function collectionsInOrder(site: Site): string[] {
  const names = site.config.collections.map((collection) => collection.name)
  return ['posts', ...names.filter((name) => name !== 'posts')]
}

/**
 * `site.categories` / `site.tags`: each category (tag) to its posts, newest
 * first; keys in the order Jekyll meets them, walking posts oldest first
 * (`Site#post_attr_hash`).
 */
function postsBy(
  postsOldestFirst: readonly SiteDocument[],
  key: 'categories' | 'tags',
  dropOf: (doc: SiteDocument) => Record<string, unknown>,
): Record<string, Record<string, unknown>[]> {
  const groups = new Map<string, SiteDocument[]>()
  for (const post of postsOldestFirst) {
    const values = post.data[key]
    if (!Array.isArray(values)) continue
    for (const value of values) {
      const name = String(value)
      const list = groups.get(name) ?? []
      list.push(post)
      groups.set(name, list)
    }
  }
  const hash: Record<string, Record<string, unknown>[]> = {}
  for (const [name, list] of groups) hash[name] = list.reverse().map(dropOf)
  return hash
}

/** Jekyll's `StaticFileDrop`: `path` from the site root, `name`, `basename`, `extname`; no collection. */
function staticFileDrop(file: StaticFile): Record<string, unknown> {
  const name = file.relativePath.split('/').pop() ?? ''
  const extname = /(\.[^.]+)$/.exec(name)?.[1] ?? ''
  return {
    path: `/${file.relativePath}`,
    name,
    basename: name.slice(0, name.length - extname.length),
    extname,
    collection: null,
  }
}

/**
 * Jekyll's `Document#<=>` when it sorts a collection (as it reads it): by date when both
 * documents have one (in the file name or the front matter), else — `nil <=> date` —
 * by path, compared as bytes (Ruby's `String#<=>`), never by locale. Where dated and
 * undated documents mix, that comparison is not a total order and Jekyll's result
 * depends on Ruby's sort; here it is the stable sort of the same comparison.
 */
export function jekyllOrder(a: SiteDocument, b: SiteDocument): number {
  if (a.date && b.date && a.date.getTime() !== b.date.getTime()) {
    return a.date.getTime() - b.date.getTime()
  }
  return a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0
}

/**
 * `content` and `output` worked out when a template first asks for them (most never do),
 * then kept; the raw body while the document is itself being rendered.
 */
function withRenderedParts(
  drop: Record<string, unknown>,
  doc: SiteDocument,
  rendered: RenderedDocument,
): void {
  for (const part of ['content', 'output'] as const) {
    Object.defineProperty(drop, part, {
      enumerable: true,
      configurable: true,
      get: () => rendered(doc, part) ?? (part === 'content' ? doc.body : null),
    })
  }
}

/**
 * A document's excerpt: its text up to the `excerpt_separator` (the page's, else
 * the site's, else a blank line: the first paragraph), as Jekyll cuts it.
 */
function excerptOf(doc: SiteDocument, site: Site): string {
  const separator = doc.data.excerpt_separator ?? site.config.raw.excerpt_separator ?? '\n\n'
  if (typeof separator !== 'string' || separator === '') return ''
  const body = doc.body.replace(/\r\n/g, '\n').replace(/^\n+/, '')
  const cut = body.indexOf(separator)
  return cut === -1 ? body : body.slice(0, cut)
}
