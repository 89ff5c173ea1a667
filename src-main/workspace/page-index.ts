import type { Dirent } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { PageEntry, PageIndexSnapshot } from '../../src-shared/api/types.js'
import { comparePages } from '../../src-shared/site/page-order.js'
import { describeProblem } from '../i18n/describe-problem.js'
import { readFrontMatter, type HeadRead, type IndexHead } from './front-matter-reader.js'
import { loadHeadCache, saveHeadCache, type CachedHead } from './front-matter-cache.js'
import { CONFIG_FILE, readSiteConfig, type SiteConfig } from './site-config.js'
import { resolveInside } from '../fs/safe-path.js'
import { placeOf, type SiteFilterConfig } from '../site/site-filter.js'

/** Folders that are build output, caches or tooling: never part of the playbook. */
const SKIPPED_FOLDERS = new Set([
  '.git',
  'node_modules',
  '_site',
  '.jekyll-cache',
  '.sass-cache',
  '.bundle',
])
/** Where Bundler keeps gems: Jekyll leaves these out, but reads the rest of `vendor/`. */
const SKIPPED_PATHS = new Set(['vendor/bundle', 'vendor/cache', 'vendor/gems', 'vendor/ruby'])
const PAGE_EXTENSIONS = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.html', '.htm'])
/**
 * Pages read at once. Enough to keep the thread pool busy (no faster unbounded, measured on
 * 5,000 pages), few enough that a large guide cannot run out of file descriptors and that
 * front matter read up to its 256 KB limit holds at most some 32 MB at a time.
 */
const READS_AT_ONCE = 128

/**
 * The list of pages of a workspace, built from front matter only.
 *
 * Front matter is cached by path + mtime + size, so a rescan after a change
 * reads only the files that changed. Pages with broken front matter are kept,
 * with their problem, so nothing disappears from the user's view.
 */
export class PageIndex {
  private cache = new Map<string, CachedHead>()
  private cacheLoaded = false
  private config: SiteConfig | null = null
  /** Files read from disk during the last scan: lets tests and benchmarks see the cache work. */
  lastScanReads = 0

  /** `cacheFile`: where to keep the front-matter cache between launches (none for one-off use). */
  constructor(
    readonly root: string,
    private readonly cacheFile: string | null = null,
  ) {}

  /** Forget the site configuration, e.g. after `_config.yml` changed. */
  invalidateConfig(): void {
    this.config = null
  }

  /** Drops what the index knows of paths reported changed by the watcher or a save. */
  noteChanged(paths: string[]): void {
    for (const changed of paths) {
      if (changed === CONFIG_FILE) this.invalidateConfig()
      this.cache.delete(changed)
    }
  }

  async scan(): Promise<PageIndexSnapshot> {
    if (!this.cacheLoaded && this.cacheFile) {
      this.cache = await loadHeadCache(this.cacheFile, this.root)
    }
    this.cacheLoaded = true
    this.config ??= await readSiteConfig(this.root)
    const config = this.config
    const files: string[] = []
    const candidates: { rel: string; collection: string }[] = []
    this.lastScanReads = 0

    await this.walk('', async (rel) => {
      const collection = classify(rel, config)
      if (collection === null) files.push(rel)
      else candidates.push({ rel, collection })
    })

    const pages: PageEntry[] = []
    const seen = new Set<string>()
    await forEachBounded(candidates, READS_AT_ONCE, async ({ rel, collection }) => {
      seen.add(rel)
      const head = await this.readHead(rel)
      if (head === null) return
      // Jekyll only renders files that have front matter; the rest are plain files.
      if (head.kind === 'none') {
        files.push(rel)
        return
      }
      pages.push(toEntry(rel, collection, head))
    })
    let forgotten = 0
    for (const cached of this.cache.keys()) {
      if (!seen.has(cached)) {
        this.cache.delete(cached)
        forgotten++
      }
    }
    if (this.cacheFile && (this.lastScanReads > 0 || forgotten > 0)) {
      // Losing the cache costs only time, never data: a failed write is not an error.
      await saveHeadCache(this.cacheFile, this.root, this.cache).catch(() => undefined)
    }

    pages.sort(comparePages)
    files.sort()
    return { pages, files, collections: config.collections }
  }

  /** Each page's modification time and size as the last scan saw them (`mtime:size`). */
  signatures(): Map<string, string> {
    const signatures = new Map<string, string>()
    for (const [rel, head] of this.cache) signatures.set(rel, `${head.mtimeMs}:${head.size}`)
    return signatures
  }

  private async readHead(rel: string): Promise<IndexHead | null> {
    const absolute = path.join(this.root, rel)
    const cached = this.cache.get(rel)
    if (cached) {
      let info
      try {
        info = await stat(absolute)
      } catch {
        return null // Deleted between the listing and now.
      }
      if (cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.read
    }
    // Not known, or changed: the reader takes the stat of the very file it reads.
    let head: HeadRead
    try {
      head = await readFrontMatter(absolute)
    } catch {
      let info
      try {
        info = await stat(absolute)
      } catch {
        return null // Deleted between the listing and now.
      }
      const problem = describeProblem('unreadable', null)
      head = { mtimeMs: info.mtimeMs, size: info.size, read: { kind: 'problem', problem } }
    }
    this.lastScanReads++
    this.cache.set(rel, head)
    return head.read
  }

  private async walk(folder: string, visit: (rel: string) => Promise<void> | void): Promise<void> {
    let entries: Dirent[]
    try {
      entries = await readdir(path.join(this.root, folder), { withFileTypes: true })
    } catch {
      return
    }
    await Promise.all(
      entries.map(async (entry) => {
        const rel = folder ? `${folder}/${entry.name}` : entry.name
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name) && !SKIPPED_PATHS.has(rel))
            await this.walk(rel, visit)
        } else if (entry.isFile() || entry.isSymbolicLink()) {
          // A symlink is listed only when the gate lets it through: never a page read from outside.
          if (entry.isSymbolicLink() && !(await passesGate(this.root, rel))) return
          if (!entry.name.endsWith('.atelier-tmp')) await visit(rel)
        }
      }),
    )
  }
}

/**
 * Which collection a file would be a page of, or null when it can only be a
 * site file (layouts, includes, data, assets, excluded files, non-page types).
 * Jekyll's own reading decides (`site/site-filter.ts`), as for the preview.
 */
export function classify(rel: string, config: SiteFilterConfig): string | null {
  if (!PAGE_EXTENSIONS.has(path.posix.extname(rel).toLowerCase())) return null
  const place = placeOf(rel, config)
  if (place.kind === 'collection') return place.collection
  return place.kind === 'page' ? 'pages' : null
}

function toEntry(rel: string, collection: string, head: IndexHead): PageEntry {
  const fallbackTitle = titleFromFileName(rel, collection)
  if (head.kind !== 'data') {
    return {
      path: rel,
      collection,
      title: fallbackTitle,
      order: null,
      error: head.kind === 'problem' ? head.problem : null,
    }
  }
  const { title, order } = head.data
  return {
    path: rel,
    collection,
    title: typeof title === 'string' && title.trim() ? title.trim() : fallbackTitle,
    order: typeof order === 'number' && Number.isFinite(order) ? order : null,
    error: null,
  }
}

/** `2024-03-01-budget-citoyen.md` → `budget citoyen`, as Jekyll derives a post's title. */
function titleFromFileName(rel: string, collection: string): string {
  let base = path.posix.basename(rel, path.posix.extname(rel))
  if (collection === 'posts') base = base.replace(/^\d{4}-\d{2}-\d{2}-/, '')
  return base.replace(/[-_]+/g, ' ').trim() || base
}

/** Runs `task` on every item, at most `limit` at a time. */
async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

async function passesGate(root: string, rel: string): Promise<boolean> {
  return resolveInside(root, rel).then(
    () => true,
    () => false,
  )
}
