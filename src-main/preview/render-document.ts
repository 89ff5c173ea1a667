import type { Liquid, Template } from 'liquidjs'
import { builtinLayoutFor, themePagesOf, type ThemePages } from './builtin-theme.js'
import { kramdownOptions, renderMarkdown } from './markdown/render-markdown.js'
import { createLiquid } from './liquid-engine.js'
import type { LiquidLimits } from './render-limits.js'
import { pageDrop, siteDrop } from './site-drops.js'
import type { Site, SiteDocument } from './site-model.js'

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
  ) {
    const options = kramdownOptions(model.config.kramdown)
    this.markdown = (text) => renderMarkdown(text, options)
    this.liquid = createLiquid(model, { markdownify: this.markdown }, liquidLimits)
  }

  readonly markdown: (text: string) => string

  private get siteData(): Record<string, unknown> {
    this.site ??= siteDrop(this.model, this.markdown)
    return this.site
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
    const page = pageDrop(doc, this.model, this.markdown)
    let content = doc.body
    if (doc.data.render_with_liquid !== false) {
      content = this.liquid.renderSync(this.liquid.parse(content), {
        site: this.siteData,
        page,
      }) as string
    }
    return doc.markdown ? this.markdown(content) : content
  }

  /** The whole page: the body inside its layout, and that layout inside its own, and so on. */
  async renderPage(doc: SiteDocument): Promise<string> {
    let content = await this.renderBody(doc)
    const page = { ...pageDrop(doc, this.model, this.markdown), content }
    let layoutName = this.model.theme
      ? builtinLayoutFor(doc, this.model, (this.themePages ??= themePagesOf(this.model)))
      : layoutOf(doc.data.layout)
    const seen = new Set<string>()
    while (layoutName && !seen.has(layoutName)) {
      seen.add(layoutName)
      const layout = this.model.layouts.get(layoutName)
      if (!layout) break
      content = this.liquid.renderSync(this.template(`layout:${layout.name}`, layout.body), {
        site: this.siteData,
        page,
        layout: layout.data,
        content,
      }) as string
      layoutName = layoutOf(layout.data.layout)
    }
    return content
  }
}

function layoutOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value === 'none' || value === 'null') return null
  return value.replace(/\.html$/, '')
}
