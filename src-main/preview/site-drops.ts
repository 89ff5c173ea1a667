import { rubyTime } from './ruby-dates.js'
import type { Site, SiteDocument } from './site-model.js'

/**
 * The objects Liquid sees as `page` and `site`, shaped like Jekyll's drops:
 * front matter plus `url`, `path`, `date`, `slug`, `collection`…; `site` holds
 * `_config.yml`, `pages`, `posts` (newest first), one array per collection,
 * `collections`, `data`, `static_files` and `time`.
 */
export function pageDrop(
  doc: SiteDocument,
  site: Site,
  markdown?: (text: string) => string,
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
  }
  if (doc.kind !== 'page' && !('excerpt' in doc.data)) {
    // Jekyll 4 cuts one for every collection document, posts or not. It is converted like
    // the page (`<p>…</p>`); worked out only when a template asks for it, since most never do.
    let excerpt: string | undefined
    Object.defineProperty(drop, 'excerpt', {
      enumerable: true,
      get: () => {
        excerpt ??= excerptOf(doc, site)
        return doc.markdown && markdown ? markdown(excerpt) : excerpt
      },
    })
  }
  return drop
}

/**
 * A collection document or post as rendered (`content`: converted body; `output`: in its
 * layouts), for the drops in `site`: Jekyll renders these before pages, so a page listing
 * them prints their HTML. Null while that document is itself being rendered.
 */
export type RenderedDocument = (doc: SiteDocument, part: 'content' | 'output') => string | null

export function siteDrop(
  site: Site,
  markdown?: (text: string) => string,
  rendered?: RenderedDocument,
): Record<string, unknown> {
  const drops = new Map(
    site.documents.map((doc) => {
      const drop = pageDrop(doc, site, markdown)
      if (rendered && doc.kind !== 'page') withRenderedParts(drop, doc, rendered)
      return [doc, drop]
    }),
  )
  const dropsOf = (docs: SiteDocument[]) => docs.map((doc) => drops.get(doc)!)
  // `site.posts` is newest first: Jekyll's `posts.docs.sort { |a, b| b <=> a }`.
  const posts = site.documents
    .filter((doc) => doc.kind === 'post')
    .sort((a, b) => jekyllOrder(b, a))
  const drop: Record<string, unknown> = {
    ...site.config.raw,
    baseurl: site.config.baseurl,
    url: site.config.url,
    time: rubyTime(site.buildTime),
    data: site.data,
    pages: dropsOf(site.documents.filter((doc) => doc.kind === 'page')),
    html_pages: dropsOf(
      site.documents.filter((doc) => doc.kind === 'page' && doc.output?.endsWith('.html')),
    ),
    posts: dropsOf(posts),
    documents: dropsOf(site.documents.filter((doc) => doc.kind !== 'page')),
    static_files: site.staticFiles.map((file) => ({
      path: `/${file.relativePath}`,
      name: file.relativePath.split('/').pop(),
      extname: file.relativePath.replace(/^.*(\.[^./]+)$/, '$1'),
    })),
  }
  const collections: Record<string, unknown>[] = []
  for (const collection of site.config.collections) {
    const docs = site.documents
      .filter((doc) => doc.collection === collection.name)
      .sort((a, b) => jekyllOrder(a, b))
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
