import path from 'node:path'
import * as sass from 'sass'

/**
 * A site's SCSS/Sass page (front matter already removed) compiled to CSS with
 * the `sass` package (Dart Sass compiled to JavaScript: no native binary),
 * imports resolved from `_sass/` as Jekyll's jekyll-sass-converter does.
 */
export function compileSass(root: string, relativePath: string, body: string): string {
  const result = sass.compileString(body, {
    syntax: relativePath.endsWith('.sass') ? 'indented' : 'scss',
    loadPaths: [path.join(root, '_sass'), path.join(root, path.dirname(relativePath))],
    style: 'expanded',
    url: new URL(`file://${path.join(root, relativePath)}`),
  })
  return result.css
}
