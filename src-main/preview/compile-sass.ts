import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as SassApi from 'sass'
import type { ErrorPlace } from './render-limits.js'
import type { SassFile, Site } from './site-model.js'

/**
 * Jekyll's Sass load paths (jekyll-sass-converter): the `sass.load_paths` of
 * `_config.yml`, `sass.sass_dir` (default `_sass`), then the theme's `_sass/`.
 * Not the stylesheet's own folder: `assets/css/styles.scss` holding
 * `@import "styles";` means `_sass/styles.scss`, never itself.
 */
export function sassLoadPaths(site: Pick<Site, 'root' | 'theme' | 'config'>): string[] {
  const settings = site.config.raw.sass
  const options =
    settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {}
  const extra = Array.isArray(options.load_paths)
    ? options.load_paths.filter((entry): entry is string => typeof entry === 'string')
    : []
  const sassDir = typeof options.sass_dir === 'string' ? options.sass_dir : '_sass'
  const paths = [...extra, sassDir].map((folder) => path.resolve(site.root, folder))
  if (site.theme) paths.push(path.join(site.theme, '_sass'))
  return paths
}

/**
 * A site's SCSS/Sass page compiled to CSS with the `sass` package (Dart Sass
 * compiled to JavaScript: no native binary). `text` is its body with Liquid
 * already rendered; it is compiled as a string, as jekyll-sass-converter does.
 * Runs in the render worker: a `@while true {}` costs that file, not the app.
 */
export async function compileSass(
  site: Pick<Site, 'root' | 'theme' | 'config'>,
  file: SassFile,
  text: string,
): Promise<CompiledSass> {
  const sass = await loadSass()
  const result = sass.compileString(text, {
    syntax: file.relativePath.endsWith('.sass') ? 'indented' : 'scss',
    loadPaths: sassLoadPaths(site),
    style: 'expanded',
    // `@import` is deprecated in Dart Sass, not in Jekyll's: nobody reads these warnings.
    logger: sass.Logger.silent,
  })
  const imported = result.loadedUrls
    .filter((url) => url.protocol === 'file:')
    .map((url) => fileURLToPath(url))
  return { css: result.css, imported }
}

export interface CompiledSass {
  css: string
  /** Absolute paths of the partials the stylesheet loaded: what its CSS depends on besides its text. */
  imported: string[]
}

type SassModule = typeof SassApi
let sassModule: Promise<SassModule> | null = null

/**
 * The `sass` package (megabytes of compiled Dart) loaded on the first stylesheet only:
 * a render worker that serves pages alone starts without it.
 */
function loadSass(): Promise<SassModule> {
  sassModule ??= import('sass')
  return sassModule
}

/** Where a Sass error lies: the stylesheet itself (front matter counted) or the partial it imports. */
export async function sassErrorPlace(
  error: unknown,
  site: Pick<Site, 'root' | 'theme'>,
  file: SassFile,
): Promise<ErrorPlace | null> {
  const sass = await loadSass()
  if (!(error instanceof sass.Exception)) return null
  const { span } = error
  if (!span.url) return { file: file.relativePath, line: file.bodyLine + span.start.line }
  const absolute = span.url.protocol === 'file:' ? fileURLToPath(span.url) : null
  if (!absolute) return { file: file.relativePath, line: null }
  const base = [site.root, site.theme].find(
    (folder): folder is string => !!folder && !path.relative(folder, absolute).startsWith('..'),
  )
  const shown = base
    ? path.relative(base, absolute).split(path.sep).join('/')
    : path.basename(absolute)
  return { file: shown, line: span.start.line + 1 }
}
