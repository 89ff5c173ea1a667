import { readFile, stat } from 'node:fs/promises'
import { compileSass, sassLoadPaths } from './compile-sass.js'
import type { SassFile, Site } from './site-model.js'

/**
 * Compiled stylesheets kept between reads of the site. « Problèmes » reads
 * the site afresh on each refresh and compiles every stylesheet to find the
 * broken ones; Sass is by far the slowest part, and an unchanged stylesheet
 * compiles to the same CSS. So the CSS is kept per stylesheet with what it
 * was compiled from: the Liquid-rendered text (which covers the file's own
 * text and the `site.*` values its Liquid reads), the syntax and load paths,
 * and the contents of every partial Sass loaded. A refresh where all of
 * these are the same gets the CSS without compiling; an edit to any of them,
 * an imported partial included, compiles again.
 *
 * Not seen: a new partial that would now win an `@import` over the one
 * loaded (`_sass/_x.scss` created beside an `x.scss` in the theme). Errors
 * are not kept: a broken stylesheet compiles on each refresh, as before.
 */
export class SassCompileCache {
  /** How many times Sass actually ran: what the cache saves, counted for tests. */
  compiles = 0
  /** One entry per stylesheet (its latest inputs), so the cache never outgrows the site. */
  private readonly entries = new Map<string, CachedCss>()

  async compile(
    site: Pick<Site, 'root' | 'theme' | 'config'>,
    file: SassFile,
    text: string,
  ): Promise<string> {
    const key = `${file.root}\0${file.relativePath}`
    const inputs = [file.relativePath, ...sassLoadPaths(site), text].join('\0')
    const kept = this.entries.get(key)
    if (kept && kept.inputs === inputs && (await sameContents(kept.partials))) return kept.css
    this.entries.delete(key)
    const started = Date.now()
    this.compiles++
    const { css, imported } = await compileSass(site, file, text)
    const partials = await snapshot(imported, started)
    if (partials) this.entries.set(key, { inputs, partials, css })
    return css
  }
}

interface CachedCss {
  inputs: string
  /** Each partial's path and the text it had when compiled. */
  partials: Map<string, string>
  css: string
}

/**
 * A file's time comes from the kernel's coarse clock, which may lag `Date.now()` by a
 * few ticks: a write during the compile can look slightly older than its start.
 */
const CLOCK_SLACK_MS = 50

/**
 * The partials' contents as compiled — or null when one was written while
 * Sass ran (its time is not before the compile started): what was read then
 * is unknown, so nothing is kept (git's rule for racy index entries).
 */
async function snapshot(files: string[], started: number): Promise<Map<string, string> | null> {
  const partials = new Map<string, string>()
  for (const file of files) {
    const info = await stat(file).catch(() => null)
    if (!info || info.mtimeMs >= started - CLOCK_SLACK_MS) return null
    partials.set(file, await readFile(file, 'utf8'))
  }
  return partials
}

async function sameContents(partials: Map<string, string>): Promise<boolean> {
  for (const [file, text] of partials) {
    if ((await readFile(file, 'utf8').catch(() => null)) !== text) return false
  }
  return true
}

/**
 * The render worker's cache: a worker lives across reads of the site (each read
 * brings a new `SiteRenderer`), so its stylesheets stay compiled between refreshes.
 */
export const workerSassCache = new SassCompileCache()
