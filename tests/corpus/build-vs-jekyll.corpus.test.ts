import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli.js'
import { EXPORT_MARKER } from '../../src-main/preview/build-site.js'
import { tempDir } from '../helpers/temp-dir.js'
import { filesBelow, visibleText } from '../helpers/visible-text.js'

const minima = path.resolve(import.meta.dirname, '../../../shared/corpus/sites/minima')
const env = { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' }
/** Jekyll and the two plugins minima's `_config.yml` names (seo-tag, feed). */
const hasJekyll =
  spawnSync('jekyll', ['--version']).status === 0 &&
  spawnSync('ruby', ['-e', 'require "jekyll-seo-tag"; require "jekyll-feed"']).status === 0

/**
 * What Atelier does not write, by design: jekyll-feed's `feed.xml` (plugins
 * are not run) and the Sass source map.
 */
const notOurs = (file: string) => file === 'feed.xml' || file.endsWith('.css.map')

/**
 * Visible text, with code blocks compared without their whitespace: Rouge
 * wraps each token in a `<span>` (Atelier does not colour code), so the
 * text is the same but the folded spaces between tags differ.
 */
async function textOf(file: string): Promise<string> {
  const html = readFileSync(file, 'utf8').replace(
    /<pre[^>]*>([\s\S]*?)<\/pre>/g,
    (_, code: string) => `<pre>${code.replace(/<[^>]+>/g, '').replace(/\s+/g, '')}</pre>`,
  )
  const copy = path.join(await tempDir('atelier-text-'), 'page.html')
  writeFileSync(copy, html)
  return visibleText(copy)
}

/** The selectors of a stylesheet, in order (Dart Sass and Jekyll's Sass write values differently). */
const selectors = (css: string) =>
  [
    ...css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, '')
      .matchAll(/([^{};]+)\{/g),
  ].map((match) => match[1]!.replace(/"/g, ''))

describe.skipIf(!hasJekyll)('cli build agrees with jekyll build on minima', () => {
  it('writes the same files, every page with the same visible text, the same stylesheet rules', async () => {
    const jekyll = path.join(await tempDir('atelier-jekyll-'), 'site')
    execFileSync(
      'jekyll',
      ['build', '--source', minima, '--destination', jekyll, '--disable-disk-cache'],
      { stdio: 'pipe', env },
    )
    const ours = path.join(await tempDir('atelier-build-'), 'site')
    let printed = ''
    const code = await runCli(
      ['build', minima, ours],
      (text) => (printed += text),
      (text) => (printed += text),
    )
    expect(printed).not.toContain('⚠')
    expect(code).toBe(0)

    expect(filesBelow(ours).filter((file) => file !== EXPORT_MARKER)).toEqual(
      filesBelow(jekyll).filter((file) => !notOurs(file)),
    )
    const pages = filesBelow(jekyll).filter((file) => file.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(5)
    for (const file of pages) {
      expect(await textOf(path.join(ours, file)), file).toBe(await textOf(path.join(jekyll, file)))
    }
    const css = 'assets/css/style.css'
    expect(selectors(readFileSync(path.join(ours, css), 'utf8'))).toEqual(
      selectors(readFileSync(path.join(jekyll, css), 'utf8')),
    )
  }, 180_000)
})
