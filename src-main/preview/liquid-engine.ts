import path from 'node:path'
import { readFileSync } from 'node:fs'
import {
  Liquid,
  Tag,
  type Context,
  type Emitter,
  type LiquidOptions,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs'
import { jekyllDrop } from './jekyll-drop.js'
import { installSharedFragments, sharedFragmentOperators } from './shared-fragments.js'
import { memoizeSiteFilters } from './site-filter-memo.js'
import type { LiquidLimits } from './render-limits.js'
import type { Site, SiteDocument } from './site-model.js'
import { isWithin, resolveExistingFileSync } from '../fs/safe-path.js'

/** What Liquid needs from the renderer: Markdown for `markdownify`. */
export interface LiquidHooks {
  markdownify(text: string): string
  /**
   * Whether an include met now may be rendered once for the whole site and filled
   * in per page (shared-fragments.ts); without it, every include renders on every page.
   * Given only by a renderer of one unchanging reading of the site, which also lets
   * `where` and `sort` keep their results per array (site-filter-memo.ts).
   */
  shareFragments?(): boolean
  /** With `shareFragments`: the keys of `site` whose value the renderer sets per page. */
  pageSiteKeys?: readonly string[]
}

/**
 * LiquidJS in its Jekyll mode (`include` with parameters under `include.`,
 * file names without quotes, Jekyll's `where`), with Jekyll's own filters
 * and tags: `relative_url`, `absolute_url`, `markdownify`, `jsonify`, `link`,
 * `post_url`, `highlight`, `include_relative`. Tags of common plugins (`seo`,
 * `feed_meta`) render nothing, so a theme that uses them still builds.
 * LiquidJS already has `where_exp`, `sort`, `group_by`, `slugify`,
 * `xml_escape`, `date_to_string`, `date_to_xmlschema`, `number_of_words` and
 * `array_to_sentence_string`.
 */
export function createLiquid(
  site: Site,
  hooks: LiquidHooks,
  limits: LiquidLimits | false = false,
): Liquid {
  // The site's includes first, then the built-in theme's (as a theme gem's).
  const includes = [path.join(site.root, '_includes')]
  if (site.theme) includes.push(path.join(site.theme, '_includes'))
  const engine = new Liquid({
    root: includes,
    partials: includes,
    extname: '',
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    relativeReference: false,
    cache: true,
    // Jekyll's `jekyll` variable, in every template as Jekyll gives it (pages, layouts, includes).
    globals: { jekyll: jekyllDrop(process.env) },
    // LiquidJS's operators, which in a shared include's rendering turn page values into conditions.
    operators: sharedFragmentOperators() as LiquidOptions['operators'],
    // A runaway loop or a string doubled in a loop stops here, with an error the preview names.
    ...(limits || {}),
  })
  const { baseurl, url } = site.config
  const relativeUrl = (input: unknown): string => {
    if (input === null || input === undefined) return ''
    const text = String(input)
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return text
    const joined = `${baseurl ? `/${baseurl.replace(/^\/+/, '')}` : ''}/${text.replace(/^\/+/, '')}`
    return encodeURI(decodeURISafe(joined)).replace(/%25([0-9A-F]{2})/g, '%$1')
  }
  engine.registerFilter('relative_url', relativeUrl)
  engine.registerFilter('absolute_url', (input: unknown) => {
    const relative = relativeUrl(input)
    return /^[a-z][a-z0-9+.-]*:/i.test(relative) ? relative : `${url}${relative}`
  })
  engine.registerFilter('markdownify', (input: unknown) => hooks.markdownify(String(input ?? '')))
  engine.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null))
  // Ruby's `size` counts a hash's keys (`site.categories | size`); LiquidJS's only reads `length`.
  engine.registerFilter('size', (input: unknown) => {
    if (typeof input === 'string' || Array.isArray(input)) return input.length
    if (input && typeof input === 'object' && !(input instanceof Date))
      return Object.keys(input).length
    return 0
  })
  // Jekyll's groups also carry `size` (LiquidJS's have only `name` and `items`).
  engine.registerFilter('group_by', (input: unknown, property: unknown) => {
    const groups = new Map<string, unknown[]>()
    for (const item of Array.isArray(input) ? input : []) {
      const key = String(propertyOf(item, String(property)) ?? '')
      groups.set(key, [...(groups.get(key) ?? []), item])
    }
    return [...groups].map(([name, items]) => ({ name, items, size: items.length }))
  })

  const byPath = new Map(site.documents.map((doc) => [doc.relativePath, doc]))
  engine.registerTag(
    'link',
    linkTag((target) => byPath.get(target) ?? null, relativeUrl),
  )
  engine.registerTag(
    'post_url',
    linkTag((target) => findPost(site.documents, target), relativeUrl),
  )
  engine.registerTag('highlight', HighlightTag)
  engine.registerTag('include_relative', includeRelativeTag(site.root))
  for (const name of ['seo', 'feed_meta']) engine.registerTag(name, SilentTag)
  // Last: they wrap the filters registered above. Both rely on a site that does not change
  // while the engine renders it, which is what a renderer that shares fragments promises.
  if (hooks.shareFragments) {
    memoizeSiteFilters(engine)
    installSharedFragments(engine, hooks.shareFragments, hooks.pageSiteKeys ?? [])
  }
  return engine
}

/** `a.b.c` of an object, as Jekyll's `item_property` reads it. */
function propertyOf(item: unknown, property: string): unknown {
  let value: unknown = item
  for (const key of property.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined
  }
  return value
}

function decodeURISafe(text: string): string {
  try {
    return decodeURI(text)
  } catch {
    return text
  }
}

function findPost(documents: SiteDocument[], name: string): SiteDocument | null {
  return (
    documents.find(
      (doc) =>
        doc.kind === 'post' &&
        (doc.relativePath.replace(/\.[^/.]+$/, '').endsWith(`/${name}`) ||
          path.posix.basename(doc.relativePath).replace(/\.[^/.]+$/, '') === name),
    ) ?? null
  )
}

/** `{% link _themes/acces.md %}` / `{% post_url 2018-04-12-titre %}`: the document's URL with the base URL. */
function linkTag(
  find: (target: string) => SiteDocument | null,
  relativeUrl: (url: string) => string,
) {
  return class extends Tag {
    private readonly target: string
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid)
      this.target = token.args.trim()
    }
    *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      // The argument may itself hold Liquid (`{% link {{ page.x }} %}`).
      const target = /\{\{/.test(this.target)
        ? ((yield this.liquid.renderer.renderTemplates(
            this.liquid.parse(this.target),
            context,
          )) as string)
        : this.target
      const doc = find(target.trim())
      // Jekyll stops the build on an unknown target; a preview shows the link unresolved instead.
      emitter.write(doc ? relativeUrl(doc.url) : target.trim())
    }
  }
}

/** `{% highlight ruby %}…{% endhighlight %}`: Rouge's wrapper, the code escaped (no token colours). */
class HighlightTag extends Tag {
  private readonly language: string
  private readonly code: string
  /** `linenos`: Rouge's table, a gutter of line numbers beside the code (Jekyll's `HTMLLegacy`). */
  private readonly lineNumbers: boolean
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid)
    const [language, ...options] = token.args.trim().split(/\s+/)
    this.language = language || 'plaintext'
    this.lineNumbers = options.some((option) => /^linenos(=|$)/.test(option))
    const parts: string[] = []
    let closed = false
    while (remain.length > 0) {
      const next = remain.shift()!
      if (next.getText().replace(/\s+/g, '') === '{%endhighlight%}') {
        closed = true
        break
      }
      parts.push(next.getText())
    }
    if (!closed) throw new Error('highlight: {% endhighlight %} manquant')
    this.code = parts
      .join('')
      .replace(/^\r?\n/, '')
      .replace(/\s+$/, '')
  }
  render(_context: Context, emitter: Emitter): void {
    const language = escapeHtml(this.language)
    let code = escapeHtml(this.code)
    if (this.lineNumbers) {
      const count = this.code.split('\n').length
      const numbers = Array.from({ length: count }, (_, index) => `${index + 1}\n`).join('')
      code = `<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">${numbers}</pre></td><td class="code"><pre>${code}\n</pre></td></tr></tbody></table>`
    }
    emitter.write(
      `<figure class="highlight"><pre><code class="language-${language}" data-lang="${language}">${code}</code></pre></figure>`,
    )
  }
}

/**
 * `{% include_relative file %}`: a file in the folder of the page being rendered
 * (or below it), through the workspace's gate as Jekyll's safe mode checks it —
 * no `..` out of the folder, no symlink leaving it, nothing from `.git`. A file
 * refused or missing renders nothing.
 */
function includeRelativeTag(root: string) {
  return class extends Tag {
    private readonly file: string
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid)
      this.file = token.args.trim().split(/\s+/)[0] ?? ''
    }
    *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const pagePath = String(context.getSync(['page', 'path']) ?? '')
      let text: string
      try {
        const folder = path.resolve(root, path.dirname(pagePath))
        if (!isWithin(root, folder)) return
        text = readFileSync(resolveExistingFileSync(folder, this.file), 'utf8')
      } catch {
        return
      }
      // Rendered in the current context, synchronously (pages render with renderSync).
      emitter.write(
        (yield this.liquid.renderer.renderTemplates(this.liquid.parse(text), context)) as string,
      )
    }
  }
}

/** A plugin's tag rendered as nothing, so a theme written for the plugin still builds. */
class SilentTag extends Tag {
  render(): void {}
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
