import type { JekyllConfig } from '../site/jekyll-config.js'
import type { Site, SiteDocument } from './site-model.js'

/**
 * Whether a site is shown with Atelier's built-in playbook theme: when it has
 * no `_layouts/` of its own (nothing to dress its pages), or when it names a
 * theme gem (`theme:`, `remote_theme:`) — gems live outside the repository,
 * so Atelier, which installs nothing, never has them.
 */
export function needsBuiltinTheme(config: JekyllConfig, files: readonly string[]): boolean {
  if (config.raw.theme || config.raw.remote_theme) return true
  return !files.some((file) => file.startsWith('_layouts/'))
}

/**
 * The layout a page gets from the built-in theme when it names none, or one
 * neither the site nor the theme has (another theme's `post`, `single`…):
 * the home page's for `/`, an article's for posts, a theme page's for the
 * collection whose pages others name in their `theme:`, a case study's for a
 * page with a `theme:`, else a plain page's. Only HTML pages get one: a feed
 * stays bare.
 */
export function builtinLayoutFor(doc: SiteDocument, site: Site, themes: ThemePages): string | null {
  const { layout } = doc.data
  // `layout: null` (or `none`) asks for no layout at all, as in Jekyll.
  if ('layout' in doc.data && (layout === null || layout === 'none' || layout === 'null'))
    return null
  const named = typeof layout === 'string' ? layout.replace(/\.html$/, '') : ''
  if (named && site.layouts.has(named)) return named
  if (doc.output !== null && !doc.output.endsWith('.html')) return null
  if (doc.url === '/' || doc.url === '/index.html') return 'home'
  if (doc.kind === 'post') return 'article'
  if (doc.collection !== null && themes.collections.has(doc.collection)) return 'theme'
  if (typeof doc.data.theme === 'string' && doc.data.theme) return 'cas'
  return 'page'
}

/** The collections holding theme pages: those with a page that another names in its `theme:`. */
export interface ThemePages {
  collections: Set<string>
}

export function themePagesOf(site: Site): ThemePages {
  const slugs = new Set<string>()
  for (const doc of site.documents) {
    if (typeof doc.data.theme === 'string') slugs.add(doc.data.theme)
  }
  const collections = new Set<string>()
  for (const doc of site.documents) {
    if (doc.collection && doc.collection !== 'posts' && slugs.has(String(doc.data.slug)))
      collections.add(doc.collection)
  }
  return { collections }
}
