import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { readPageText } from '../site/front-matter.js'
import { translate } from '../../src-shared/i18n/translate.js'
import type { Language } from '../../src-shared/api/types.js'
import { resolveInside } from '../fs/safe-path.js'
import { documentCategories, documentTags } from './document-taxonomy.js'
import { previewCsp, replaceExternalContent } from './offline-content.js'
import { createNonce, injectPreviewBridge, withoutAutoRefresh } from './preview-bridge.js'
import { SiteSource } from './site-source.js'
import { BoundedRenderer } from './bounded-renderer.js'
import { HeldDocuments } from './held-documents.js'
import { failureMessage, overrunMessage } from './render-limits.js'
import type { Site, SiteDocument } from './site-model.js'

export interface PreviewResponse {
  status: number
  type: string
  body: string | Buffer
  headers: Record<string, string>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
}

function typeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** `&amp;` and the like in an attribute as the page writes it, read back. */
function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#39);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : "'",
  )
}

/**
 * The live preview of one workspace: serves the site as Jekyll would (each
 * page rendered on request), with the editor's unsaved text of a page in
 * place of the file. The site is read once and again only after a change to
 * something other than the pages' own text (layouts, includes, config, data).
 */
export class PreviewService {
  private readonly drafts = new Map<string, string>()
  private readonly held = new HeldDocuments()
  allowExternal = false
  language: Language = 'fr'

  constructor(
    readonly root: string,
    /** Who may frame the preview: the workbench's origin. */
    private readonly frameAncestors: string,
    /** Pages render in worker threads, each with a time and memory limit (review renders there too). */
    readonly renderer = new BoundedRenderer(),
    /** The site model, shared with « Problèmes » when the folder's services make both. */
    private readonly sites = new SiteSource(root),
  ) {}

  /** Stops the rendering workers (the workspace is closed). */
  close(): Promise<void> {
    return this.renderer.close()
  }

  /** Files changed on disk: the site model follows them (see site-source.ts). */
  noteChanged(changes: readonly { path: string; textOnly: boolean }[]): void {
    this.sites.noteChanged(changes)
  }

  /** The editor's current text of a page (null: back to the file on disk). */
  setDraft(relativePath: string, text: string | null): void {
    if (text === null) this.drafts.delete(relativePath)
    else this.drafts.set(relativePath, text)
  }

  /** The site model as last read (the preview's, and its tests'). */
  site(): Promise<Site> {
    return this.sites.site()
  }

  /** The preview address of a page (its site URL), or null when the page is not published. */
  async urlOf(relativePath: string): Promise<string | null> {
    const site = await this.site()
    const doc = site.documents.find((item) => item.relativePath === relativePath)
    return doc?.output ? doc.url : null
  }

  /** The page a preview URL shows, for « Modifier cette page ». */
  async pageAt(url: string): Promise<string | null> {
    const site = await this.site()
    return this.documentFor(site, withoutBaseurl(site, url))?.relativePath ?? null
  }

  /**
   * What the preview frame gets for an address. Every HTML response carries
   * the bridge and a policy that lets only it run (a new nonce each time).
   */
  async serve(urlPath: string): Promise<PreviewResponse> {
    const held = this.held.get(urlPath)
    const response: PreviewResponse =
      held === undefined
        ? await this.serveFile(urlPath)
        : typeof held === 'string'
          ? { status: 200, type: TYPES['.html']!, body: held, headers: {} }
          : this.respond(200, typeOf(urlPath), held)
    if (!response.type.startsWith('text/html')) return response
    const nonce = createNonce()
    return {
      ...response,
      body: injectPreviewBridge(withoutAutoRefresh(String(response.body)), nonce),
      headers: {
        ...response.headers,
        'content-security-policy': previewCsp({
          allowExternal: this.allowExternal,
          frameAncestors: this.frameAncestors,
          nonce,
        }),
      },
    }
  }

  /**
   * A page's HTML as `serve` gives it at its address, without the bridge:
   * what the workbench swaps into the frame while the user types. Null when
   * the page is not published or not an HTML page.
   */
  async pageHtml(relativePath: string): Promise<string | null> {
    const site = await this.site()
    const doc = site.documents.find((item) => item.relativePath === relativePath)
    if (!doc?.output) return null
    const response = await this.renderDocument(site, doc)
    return response.type.startsWith('text/html') ? withoutAutoRefresh(String(response.body)) : null
  }

  /**
   * A body of HTML made elsewhere (a review's rendered differences) shown as
   * the site shows its pages: in a document with the head of `likePath`'s
   * published page (or the home page) — its stylesheets and fonts — and with
   * `css` added. Answers the document's address on the preview's origin.
   * (No `<base>`: the preview's policy forbids it; site-absolute addresses,
   * as Jekyll's `relative_url` writes them, load as they do in the page.)
   */
  async holdDocument(body: string, likePath: string | null, css: string): Promise<string> {
    const site = await this.site()
    const published = site.documents.filter((doc) => doc.output && /\.html$|\/$/.test(doc.url))
    const like =
      published.find((doc) => doc.relativePath === likePath) ??
      published.find((doc) => doc.url === '/' || doc.url === '/index.html') ??
      published[0]
    const page = like ? await this.pageHtml(like.relativePath) : null
    const head = page?.match(/<head[^>]*>([\s\S]*?)<\/head>/i)?.[1] ?? '<meta charset="utf-8">'
    const document = [
      '<!DOCTYPE html><html lang="fr"><head>',
      head,
      // A little room around the body, whatever the theme's wrapper gives.
      `<style>.atelier-review{padding:8px 16px}${css.replace(/<\/style/gi, '<\\/style')}</style>`,
      '</head><body><main class="page-content atelier-review" aria-label="Relecture">',
      `<div class="wrapper">${body}</div></main></body></html>`,
    ].join('\n')
    return this.held.hold(document)
  }

  /**
   * Images a review shows that the open folder does not have (added by a
   * received contribution, or removed by the one checked out): each address
   * (`src` as the page writes it) the site would not serve is read with `read`
   * (its path in the site) and held; answers the held address of each.
   */
  async holdImages(
    sources: string[],
    read: (relativePath: string) => Promise<Uint8Array | null>,
  ): Promise<Map<string, string>> {
    const site = await this.site()
    const held = new Map<string, string>()
    for (const source of sources) {
      if (!source.startsWith('/') || source.startsWith('//')) continue
      const pathname = withoutBaseurl(site, unescapeAttribute(source).replace(/[?#].*$/, ''))
      const decoded = safeDecode(pathname).replace(/^\/+/, '')
      if (site.staticFiles.some((item) => item.output === decoded)) continue
      const bytes = await read(decoded)
      if (bytes) held.set(source, this.held.holdFile(Buffer.from(bytes), path.extname(decoded)))
    }
    return held
  }

  private async serveFile(urlPath: string): Promise<PreviewResponse> {
    const site = await this.site()
    const pathname = withoutBaseurl(site, urlPath)
    const doc = this.documentFor(site, pathname)
    if (doc) return this.renderDocument(site, doc)
    const decoded = safeDecode(pathname).replace(/^\/+/, '')
    const sass = site.sassFiles.find((file) => file.output === decoded)
    if (sass) {
      // In the render worker, bounded like a page; a broken stylesheet is reported, not served half.
      const outcome = await this.renderer.compileSass(site, sass)
      const css = outcome.ok
        ? outcome.html
        : `/* ${failureMessage(this.language, outcome, sass.relativePath, this.renderer.limits).replace(/\*\//g, '* /')} */\n`
      return this.respond(200, TYPES['.css']!, css)
    }
    const file = site.staticFiles.find((item) => item.output === decoded)
    if (file) {
      const absolute = await resolveInside(file.root, file.relativePath)
      return this.respond(200, typeOf(file.relativePath), await readFile(absolute))
    }
    return this.respond(404, TYPES['.html']!, this.message('preview.notFound'))
  }

  private documentFor(site: Site, pathname: string): SiteDocument | null {
    const wanted = pathname.endsWith('/index.html')
      ? pathname.slice(0, -'index.html'.length)
      : pathname
    const candidates = [wanted, safeEncode(wanted), `${wanted}/`, `${safeEncode(wanted)}/`]
    return (
      site.documents.find((doc) => doc.output !== null && candidates.includes(doc.url)) ??
      site.documents.find(
        (doc) => doc.output !== null && `/${doc.output}` === safeDecode(wanted),
      ) ??
      null
    )
  }

  private async renderDocument(site: Site, doc: SiteDocument): Promise<PreviewResponse> {
    const draft = this.drafts.get(doc.relativePath)
    const current = draft === undefined ? doc : withText(doc, draft)
    const outcome = await this.renderer.render(site, current)
    if (!outcome.ok) {
      // A page cut off by its limits gets a page of its own saying why, as HTML, like any page.
      const text = outcome.overrun
        ? escapeText(overrunMessage(this.language, outcome.overrun, this.renderer.limits))
        : escapeText(failureMessage(this.language, outcome, doc.relativePath))
      return this.respond(200, TYPES['.html']!, this.page(text))
    }
    const html = outcome.html
    const type = TYPES[path.extname(doc.output ?? '.html')] ?? TYPES['.html']!
    if (!type.startsWith('text/html')) return this.respond(200, type, html)
    const safe = this.allowExternal
      ? html
      : replaceExternalContent(html, translate(this.language, 'preview.external'))
    return this.respond(200, type, safe)
  }

  private message(key: string, params: Record<string, string> = {}): string {
    return this.page(translate(this.language, key, params))
  }

  private page(html: string): string {
    return `<!DOCTYPE html><html lang="${this.language}"><meta charset="utf-8"><body style="font:16px/1.5 sans-serif;padding:2em"><p>${html}</p></body></html>`
  }

  private respond(status: number, type: string, body: string | Buffer): PreviewResponse {
    return {
      status,
      type,
      body,
      headers: {
        'content-type': type,
        'content-security-policy': previewCsp({
          allowExternal: this.allowExternal,
          frameAncestors: this.frameAncestors,
        }),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // Fonts are fetched with CORS, and the sandboxed frame's origin is opaque ('null').
        ...(type.startsWith('font/') ? { 'access-control-allow-origin': '*' } : {}),
      },
    }
  }
}

/** A page with the editor's text instead of the file's: same address, new settings and body. */
function withText(doc: SiteDocument, text: string): SiteDocument {
  const { read, body } = readPageText(text.replace(/^\uFEFF/, ''))
  if (read.kind === 'none' || (read.kind === 'problem' && read.problem.code === 'unclosed'))
    return { ...doc, body: text }
  // Settings being typed: keep the last good ones.
  if (read.kind === 'problem' && read.problem.code === 'yaml') return { ...doc, body }
  const data = read.kind === 'data' ? read.data : {}
  // The site's defaults and what the reader derived from the file name stay underneath the
  // page's own values; a key deleted in the editor is gone from the preview too.
  const derived: Record<string, unknown> = { slug: doc.data.slug }
  if (doc.kind !== 'page') derived.title = doc.data.title
  const merged = { ...doc.defaults, ...derived, ...data }
  // A collection document's categories and tags are worked out from its settings, as on reading.
  if (doc.kind !== 'page') {
    merged.categories = documentCategories(doc.pathCategories ?? [], merged)
    merged.tags = documentTags(merged)
  }
  return { ...doc, data: merged, body }
}

/** The site's addresses start with its `baseurl`; its files are found without it. */
function withoutBaseurl(site: Site, pathname: string): string {
  const { baseurl } = site.config
  if (baseurl && (pathname === baseurl || pathname.startsWith(`${baseurl}/`))) {
    return pathname.slice(baseurl.length) || '/'
  }
  return pathname
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function safeEncode(text: string): string {
  return text
    .split('/')
    .map((part) => encodeURIComponent(safeDecode(part)))
    .join('/')
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}
