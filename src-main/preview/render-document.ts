import type { Liquid, Template } from 'liquidjs'
import { builtinLayoutFor, themePagesOf, type ThemePages } from './builtin-theme.js'
import { kramdownOptions, renderMarkdown } from './markdown/render-markdown.js'
import { createLiquid } from './liquid-engine.js'
import { sassErrorPlace } from './compile-sass.js'
import { type SassCompileCache, workerSassCache } from './sass-cache.js'
import { overrunOf, PlacedError, type LiquidLimits } from './render-limits.js'
import { closeLiquidBlocks } from './excerpt-liquid.js'
import { pageDrop, relatedPosts, siteDrop, type DropHelpers } from './site-drops.js'
import type { SassFile, Site, SiteDocument } from './site-model.js'

/**
 * Renders documents of one site: Liquid, then Markdown, then the layouts, as
 * Jekyll does. Built once per read of the site; a preview after a keystroke
 * re-renders one page, never the site.
 */
export class SiteRenderer {
  readonly liquid: Liquid
  private site: Record<string, unknown> | null = null

  constructor(
    readonly model: Site,
    liquidLimits: LiquidLimits | false = false,
    /** Kept across reads of the site by whoever renders them (the worker's, by default). */
    private readonly sass: SassCompileCache = workerSassCache,
  ) {
    const options = kramdownOptions(model.config.kramdown)
    this.markdown = (text) => renderMarkdown(text, options)
    this.liquid = createLiquid(
      model,
      {
        markdownify: this.markdown,
        // Not while a document's own Liquid runs: there a template listing documents
        // sees that one's raw body (`rendered`), which is not true for the whole site.
        shareFragments: () => this.rendering.size === 0,
        pageSiteKeys: PAGE_SITE_KEYS,
      },
      liquidLimits,
    )
  }

  readonly markdown: (text: string) => string

  /** What the drops ask of the renderer: Markdown, an excerpt's Liquid, rendered documents. */
  private readonly helpers: DropHelpers = {
    markdown: (text) => this.markdown(text),
    excerptLiquid: (doc, text) => this.excerptLiquid(doc, text),
    rendered: (doc, part) => this.rendered(doc, part),
  }

  private get siteData(): Record<string, unknown> {
    this.site ??= siteDrop(this.model, this.helpers)
    return this.site
  }

  /** `site` as `doc` sees it: the keys of PAGE_SITE_KEYS depend on the document being rendered. */
  private siteFor(doc: SiteDocument): Record<string, unknown> {
    const site = this.siteData
    const posts = site.posts as Record<string, unknown>[]
    const perPage: Record<(typeof PAGE_SITE_KEYS)[number], unknown> = {
      related_posts: relatedPosts(this.model, doc, posts),
    }
    return { ...site, ...perPage }
  }

  private pageOf(doc: SiteDocument): Record<string, unknown> {
    return pageDrop(doc, this.model, this.helpers)
  }

  /**
   * An excerpt's Liquid, rendered as its document (Jekyll's `Excerpt` is rendered with the
   * document's payload), its unclosed blocks closed as Jekyll closes them. A Liquid error
   * leaves the excerpt's text as it is: the document's own render reports it.
   */
  private excerptLiquid(doc: SiteDocument, text: string): string {
    try {
      const source = closeLiquidBlocks(text)
      return this.liquid.renderSync(this.liquid.parse(source), {
        site: this.siteFor(doc),
        page: this.pageOf(doc),
      }) as string
    } catch (error) {
      if (overrunOf(error)) throw error
      return text
    }
  }

  /**
   * Collection documents and posts as Jekyll has them when it reaches the pages: it renders
   * them first. Here each is rendered when a template first reads its `content` or
   * `output`, inside the same worker and the same page's limits, and kept for the next pages.
   * A document being rendered (one listing itself) or that fails shows its raw body.
   */
  private readonly renderedDocs = new Map<string, { content: string; output: string }>()
  /** By path: the page being previewed arrives as its own copy, perhaps edited. */
  private readonly rendering = new Set<string>()

  private rendered(doc: SiteDocument, part: 'content' | 'output'): string | null {
    const known = this.renderedDocs.get(doc.relativePath)
    if (known) return known[part]
    if (this.rendering.has(doc.relativePath)) return null
    try {
      const content = this.bodySync(doc)
      const result = { content, output: this.layoutsSync(doc, content) }
      this.renderedDocs.set(doc.relativePath, result)
      return result[part]
    } catch (error) {
      // A runaway document stops the page that asked for it, as it would stop Jekyll.
      if (overrunOf(error)) throw error
      return null
    }
  }

  /**
   * Layouts parsed once per read of the site, not once per page. Rendering is
   * synchronous (LiquidJS's `renderSync`): a page's Liquid never waits on I/O,
   * and skipping a promise per tag and filter makes a build several times faster.
   */
  private readonly templates = new Map<string, Template[]>()
  /** With the built-in theme: which pages are theme pages (named in others' `theme:`). */
  private themePages: ThemePages | undefined

  private template(key: string, text: string): Template[] {
    let template = this.templates.get(key)
    if (!template) {
      template = this.liquid.parse(text)
      this.templates.set(key, template)
    }
    return template
  }

  /** The body as `cli render` prints it: front matter removed, Liquid then Markdown, no layout. */
  async renderBody(doc: SiteDocument): Promise<string> {
    return this.bodySync(doc)
  }

  private bodySync(doc: SiteDocument): string {
    const page = this.pageOf(doc)
    let content = doc.body
    if (doc.data.render_with_liquid !== false) {
      content = this.guarded(doc, () =>
        placed(doc.relativePath, doc.bodyLine ?? 1, () =>
          this.liquid.renderSync(this.liquid.parse(content), { site: this.siteFor(doc), page }),
        ),
      ) as string
    }
    return doc.markdown ? this.markdown(content) : content
  }

  /** The page's Liquid parsed, not rendered (« Problèmes »): a syntax error, named by line. */
  checkLiquid(doc: SiteDocument): string {
    placed(doc.relativePath, doc.bodyLine ?? 1, () => this.liquid.parse(doc.body))
    return ''
  }

  /**
   * A `.scss`/`.sass` page with front matter, as Jekyll builds it: Liquid first
   * (minima picks its skin with `{{ site.minima.skin }}`), then Sass.
   */
  async renderSass(file: SassFile): Promise<string> {
    const page = {
      path: file.relativePath,
      url: `/${file.output}`,
      name: file.relativePath.split('/').pop(),
    }
    const text = placed(file.relativePath, file.bodyLine, () =>
      this.liquid.renderSync(this.liquid.parse(file.body), { site: this.siteData, page }),
    ) as string
    try {
      return await this.sass.compile(this.model, file, text)
    } catch (error) {
      throw new PlacedError(
        error instanceof Error ? error.message : String(error),
        await sassErrorPlace(error, this.model, file),
        'sass',
      )
    }
  }

  /** While a document's Liquid runs, a template reading its own `content` gets the raw body. */
  private guarded<T>(doc: SiteDocument, run: () => T): T {
    if (this.rendering.has(doc.relativePath)) return run()
    this.rendering.add(doc.relativePath)
    try {
      return run()
    } finally {
      this.rendering.delete(doc.relativePath)
    }
  }

  /** The whole page: the body inside its layout, and that layout inside its own, and so on. */
  async renderPage(doc: SiteDocument): Promise<string> {
    return this.layoutsSync(doc, this.bodySync(doc))
  }

  private layoutsSync(doc: SiteDocument, body: string): string {
    let content = body
    // Set, not spread: a spread would work out the lazy `excerpt` and drop `previous`/`next`.
    const page = this.pageOf(doc)
    page.content = content
    const site = this.siteFor(doc)
    let layoutName = this.model.theme
      ? builtinLayoutFor(doc, this.model, (this.themePages ??= themePagesOf(this.model)))
      : layoutOf(doc.data.layout)
    const seen = new Set<string>()
    while (layoutName && !seen.has(layoutName)) {
      seen.add(layoutName)
      const layout = this.model.layouts.get(layoutName)
      if (!layout) break
      content = this.liquid.renderSync(this.template(`layout:${layout.name}`, layout.body), {
        site,
        page,
        layout: layout.data,
        content,
      }) as string
      layoutName = layoutOf(layout.data.layout)
    }
    return content
  }
}

/**
 * The keys `siteFor` sets per document: a shared include (shared-fragments.ts) holds
 * them unknown, to be read from each page.
 */
const PAGE_SITE_KEYS = ['related_posts'] as const

/** Runs Liquid; an error (not a limit overrun) is named by file and line. */
function placed<T>(file: string, bodyLine: number, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (overrunOf(error) || !(error instanceof Error)) throw error
    const token = (error as { token?: { getPosition?: () => [number, number] } }).token
    const position = token?.getPosition?.()
    const line = position ? bodyLine + position[0] - 1 : null
    throw new PlacedError(error.message, { file, line }, 'liquid')
  }
}

function layoutOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value === 'none' || value === 'null') return null
  return value.replace(/\.html$/, '')
}
