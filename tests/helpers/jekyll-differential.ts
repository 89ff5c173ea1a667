import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { runCli } from '../../src-main/cli.js'
import { buildSite, EXPORT_MARKER, type BuildReport } from '../../src-main/preview/build-site.js'
import { tempDir } from './temp-dir.js'
import { filesBelow, visibleText } from './visible-text.js'

/**
 * The differential judge of the preview: build one Jekyll site with Debian's
 * `jekyll build` and with `cli build`, then compare the files written, every
 * page's visible text and each stylesheet's selectors. Used by the minima
 * corpus test and by the public sites kept in `tests/fixtures/sites/`.
 */

const env = { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true' }

/** Whether `jekyll` runs here with the given Ruby plugins loadable. */
export function hasJekyll(plugins: readonly string[] = []): boolean {
  if (spawnSync('jekyll', ['--version']).status !== 0) return false
  if (plugins.length === 0) return true
  const requires = plugins.map((plugin) => `require ${JSON.stringify(plugin)}`).join('; ')
  return spawnSync('ruby', ['-e', requires]).status === 0
}

/** Debian's `jekyll build` of `site` into a fresh folder, whose path it returns. */
export async function jekyllBuild(site: string): Promise<string> {
  const destination = path.join(await tempDir('atelier-jekyll-'), 'site')
  execFileSync(
    'jekyll',
    ['build', '--source', site, '--destination', destination, '--disable-disk-cache'],
    { stdio: 'pipe', env },
  )
  return destination
}

/** Atelier's build (`buildSite`, what `cli build` runs) of `site` into a fresh folder. */
export async function atelierBuild(
  site: string,
): Promise<{ destination: string; report: BuildReport }> {
  const destination = path.join(await tempDir('atelier-build-'), 'site')
  return { destination, report: await buildSite(site, destination) }
}

/** One file of a built site, as text. */
export const readBuilt = (folder: string, file: string) =>
  readFileSync(path.join(folder, file), 'utf8')

export interface DifferentialOptions {
  /** Files Jekyll writes that Atelier does not, by design (plugin output, source maps). */
  readonly notOurs?: (file: string) => boolean
  /** Stylesheets (paths in the built site) whose selectors must agree. */
  readonly stylesheets?: readonly string[]
  /** At least this many HTML pages, so a site that builds nothing cannot pass. */
  readonly minPages?: number
}

const defaultNotOurs = (file: string) => file === 'feed.xml' || file.endsWith('.css.map')

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
export const selectors = (css: string) =>
  [
    ...css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, '')
      .matchAll(/([^{};]+)\{/g),
  ].map((match) => match[1]!.replace(/"/g, ''))

/** Builds `site` both ways and asserts they agree; returns the pages compared. */
export async function expectBuildLikeJekyll(
  site: string,
  options: DifferentialOptions = {},
): Promise<string[]> {
  const notOurs = options.notOurs ?? defaultNotOurs
  const jekyll = await jekyllBuild(site)
  const ours = path.join(await tempDir('atelier-build-'), 'site')
  let printed = ''
  const code = await runCli(
    ['build', site, ours],
    (text) => (printed += text),
    (text) => (printed += text),
  )
  expect(printed).not.toContain('⚠')
  expect(code).toBe(0)

  expect(filesBelow(ours).filter((file) => file !== EXPORT_MARKER)).toEqual(
    filesBelow(jekyll).filter((file) => !notOurs(file)),
  )
  const pages = filesBelow(jekyll).filter((file) => file.endsWith('.html'))
  expect(pages.length).toBeGreaterThanOrEqual(options.minPages ?? 1)
  for (const file of pages) {
    expect(await textOf(path.join(ours, file)), file).toBe(await textOf(path.join(jekyll, file)))
  }
  for (const css of options.stylesheets ?? []) {
    expect(selectors(readFileSync(path.join(ours, css), 'utf8')), css).toEqual(
      selectors(readFileSync(path.join(jekyll, css), 'utf8')),
    )
  }
  return pages
}
