import { copyFile, lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import os from 'node:os'
import path from 'node:path'
import { resolveInside } from '../fs/safe-path.js'
import { readSite } from './read-site.js'
import { relativizeLinks } from './relative-links.js'
import { BoundedRenderer } from './bounded-renderer.js'
import { failureMessage, type RenderLimits } from './render-limits.js'

export interface BuildOptions {
  /** Rewrite links and assets relative to each page, so the folder works from `file://`. */
  relative?: boolean
  /** Called after each file written: `done` of `total`. */
  onProgress?: (done: number, total: number) => void
  /** Each page's time and memory (a hostile page becomes a problem, the build goes on). */
  limits?: RenderLimits
}

export interface BuildReport {
  pages: number
  staticFiles: number
  /** Files written, relative to the destination. */
  written: string[]
  /**
   * French messages for settings files that could not be read and pages that could not be
   * rendered (the rest is still written).
   */
  problems: { path: string; message: string }[]
}

/** "Exporter le site": the whole site written to `destination`, as `jekyll build` would. */
export async function buildSite(
  root: string,
  destination: string,
  options: BuildOptions = {},
): Promise<BuildReport> {
  // The workers start while the site is read: each first loads the renderer's code.
  const renderer = new BoundedRenderer(options.limits, buildWorkers())
  void renderer.warm()
  let site: Awaited<ReturnType<typeof readSite>>
  try {
    site = await readSite(root)
  } catch (error) {
    await renderer.close()
    throw error
  }
  const pages = site.documents.filter((doc) => doc.output !== null)
  const statics = site.staticFiles.filter((file) => file.output !== null)
  const total = pages.length + statics.length + site.sassFiles.length
  // A broken `_config.yml` or data file first: pages may be missing because of it.
  const report: BuildReport = {
    pages: 0,
    staticFiles: 0,
    written: [],
    problems: site.problems.map((problem) => ({ path: problem.file, message: problem.message })),
  }
  try {
    await prepareDestination(destination)
  } catch (error) {
    await renderer.close()
    throw error
  }
  let done = 0
  const made = new Set<string>()
  const write = async (address: string, data: string | Buffer | null, source?: string) => {
    // As Jekyll's `in_dest_dir`: a permalink climbing with `..` stops at the destination.
    const output = path.posix.resolve('/', address).slice(1)
    const target = path.join(destination, output)
    // One `mkdir` per folder, not per file: a collection's thousand pages share a few folders.
    const folder = path.dirname(target)
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true })
      made.add(folder)
    }
    if (data === null && source) await copyFile(source, target)
    else await writeFile(target, data ?? '')
    report.written.push(output)
    options.onProgress?.(++done, total)
  }
  try {
    // Stylesheets first, so one worker loads Sass while the other renders the pages.
    const stylesheets = site.sassFiles.map((file) => ({
      file,
      outcome: renderer.compileSass(site, file),
    }))
    // Pages go to every worker at once, enough ahead of the one being written that the
    // workers never wait on the writes, which this thread does in order.
    const ahead = renderer.size * 8
    const rendering = pages.slice(0, ahead).map((doc) => renderer.render(site, doc))
    for (const [at, doc] of pages.entries()) {
      const outcome = await rendering.shift()!
      const next = pages[at + ahead]
      if (next) rendering.push(renderer.render(site, next))
      if (!outcome.ok) {
        const message = failureMessage('fr', outcome, doc.relativePath, renderer.limits)
        report.problems.push({ path: doc.relativePath, message })
        continue
      }
      const html = outcome.html
      const output = doc.output!
      await write(
        output,
        options.relative ? relativizeLinks(html, output, site.config.baseurl) : html,
      )
      report.pages++
    }
    // In the worker too: a stylesheet's Liquid, or a `@while` that never ends, is bounded like a page.
    for (const { file, outcome: pending } of stylesheets) {
      const outcome = await pending
      if (outcome.ok) await write(file.output, outcome.html)
      else {
        const message = failureMessage('fr', outcome, file.relativePath, renderer.limits)
        report.problems.push({ path: file.relativePath, message })
      }
    }
  } finally {
    await renderer.close()
  }
  for (const file of statics) {
    // Checked again as it is copied: a file swapped for a symlink since the site was read.
    await write(file.output!, null, await resolveInside(file.root, file.relativePath))
    report.staticFiles++
  }
  return report
}

/** One worker per core, at least two (one may be loading Sass), at most four (each holds the site). */
function buildWorkers(): number {
  return Math.max(2, Math.min(os.availableParallelism(), 4))
}

/** Left in every export, so a later export knows the folder is its own to replace. */
export const EXPORT_MARKER = '.atelier-export'

/**
 * Empties the destination only when it is an earlier export (it holds the
 * marker) or already empty; any other folder is refused, so choosing
 * « Documents » by mistake can never delete anything, and a file
 * (`rapport.docx`) is never replaced by the site.
 */
async function prepareDestination(destination: string): Promise<void> {
  const info = await lstat(destination).catch(() => null)
  if (info && !info.isDirectory()) throw new AtelierError('export-not-a-folder', destination)
  const entries = info ? await readdir(destination) : []
  if (entries.length > 0 && !entries.includes(EXPORT_MARKER)) {
    throw new AtelierError('export-not-empty', destination)
  }
  await rm(destination, { recursive: true, force: true })
  await mkdir(destination, { recursive: true })
  await writeFile(
    path.join(destination, EXPORT_MARKER),
    'Dossier écrit par « Exporter le site » d’Atelier : il sera remplacé à chaque export.\n',
  )
}
