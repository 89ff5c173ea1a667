import path from 'node:path'
import * as sass from 'sass'
import type { SassFile, Site } from './site-model.js'

/**
 * A site's SCSS/Sass page (front matter already removed) compiled to CSS with
 * the `sass` package (Dart Sass compiled to JavaScript: no native binary),
 * imports resolved from the site's `_sass/`, then the theme's, as Jekyll's
 * jekyll-sass-converter does.
 */
export function compileSass(site: Pick<Site, 'root' | 'theme'>, file: SassFile): string {
  const loadPaths = [path.join(site.root, '_sass')]
  if (site.theme) loadPaths.push(path.join(site.theme, '_sass'))
  loadPaths.push(path.join(file.root, path.dirname(file.relativePath)))
  const result = sass.compileString(file.body, {
    syntax: file.relativePath.endsWith('.sass') ? 'indented' : 'scss',
    loadPaths,
    style: 'expanded',
    url: new URL(`file://${path.join(file.root, file.relativePath)}`),
  })
  return result.css
}
