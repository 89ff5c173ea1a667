import type { ConfigProblem } from '../../src-shared/api/types.js'
import type { JekyllConfig } from '../site/jekyll-config.js'

/** A page, a post or a collection document: something Jekyll renders. */
export interface SiteDocument {
  kind: 'page' | 'post' | 'document'
  /** From the site root, forward slashes: `_themes/acces.md`. */
  relativePath: string
  /** `posts`, a collection name, or null for a plain page. */
  collection: string | null
  /** Front matter over the `defaults:` that apply (the page's own values win). */
  data: Record<string, unknown>
  /** The `defaults:` alone, to lay an edited front matter over them again. */
  defaults: Record<string, unknown>
  /** The text after the front matter, before Liquid. */
  body: string
  /** 1-based line of the file where `body` starts, to name a Liquid error's line. */
  bodyLine?: number
  /** Converted from Markdown (by extension), else written as HTML. */
  markdown: boolean
  url: string
  /** File written in the destination (`themes/acces/index.html`); null when not written. */
  output: string | null
  date: Date | null
  /** Categories from the folders above a nested `blog/_posts`, kept to redo an edited page's. */
  pathCategories?: string[]
}

export interface StaticFile {
  /** From `root`, forward slashes. */
  relativePath: string
  /** The folder it is read from: the site, or the built-in theme. */
  root: string
  /** Where it is copied in the destination; null when its collection is not written. */
  output: string | null
  /** The collection it belongs to: Jekyll's `site.static_files` leaves those out. */
  collection?: string
}

export interface Layout {
  name: string
  data: Record<string, unknown>
  body: string
}

/** Everything Jekyll would read from a site folder, ready to render. */
export interface Site {
  root: string
  config: JekyllConfig
  documents: SiteDocument[]
  staticFiles: StaticFile[]
  /** `site.data`, from `_data/`. */
  data: Record<string, unknown>
  layouts: Map<string, Layout>
  /** When the site was read: `site.time`, and the date of dated documents without one. */
  buildTime: number
  /** SCSS/Sass files with front matter, compiled to CSS (`assets/css/style.scss`). */
  sassFiles: SassFile[]
  /**
   * The built-in playbook theme's folder when the site relies on it (no
   * `_layouts/` of its own, or a `theme:` gem Atelier cannot have): its layouts,
   * includes, `_sass/` and `assets/` sit under the site's own, as a gem's would.
   */
  theme: string | null
  /** Settings files that could not be read (`_config.yml`, `_data/…`), in French. */
  problems: ConfigProblem[]
}

/** A `.scss`/`.sass` file with front matter, compiled to CSS. */
export interface SassFile {
  relativePath: string
  /** The folder it is read from: the site, or the built-in theme. */
  root: string
  output: string
  /** The text after the front matter: Liquid, then Sass. */
  body: string
  /** 1-based line of the file where `body` starts, to name an error's line. */
  bodyLine: number
}
