import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { readSite } from './read-site.js'
import type { Site } from './site-model.js'

/**
 * The site model of one folder, read on first use and kept from the workspace's changes: the
 * preview's, and « Problèmes »' build checks', so both send the render workers the same object
 * (a worker holds one site at a time, sent again whenever the object changes) and the main
 * process holds one model, not one per service.
 */
export class SiteSource {
  private current: Promise<Site> | null = null

  constructor(readonly root: string) {}

  /** The site model as last read. */
  site(): Promise<Site> {
    const current = (this.current ??= readSite(this.root))
    current.catch(() => {
      if (this.current === current) this.current = null
    })
    return current
  }

  /**
   * Files changed on disk. When only pages' text changed (same front matter: same address,
   * settings and order), those pages alone are read again into the site model, whose layouts,
   * includes, data and settings are kept; any other change reads the whole site again.
   */
  noteChanged(changes: readonly { path: string; textOnly: boolean }[]): void {
    if (changes.length === 0 || this.current === null) return
    if (!changes.every((change) => change.textOnly)) {
      this.current = null
      return
    }
    const paths = changes.map((change) => change.path)
    this.current = this.current
      .then((site) => withTextsFromDisk(site, paths))
      // Whatever fails on the short way (a file gone meanwhile, a site that did not read) takes
      // the long one, which reports its own failures.
      .catch(() => null)
      .then((site) => site ?? readSite(this.root))
  }
}

/**
 * The site with these pages' bodies read again from their files; null when one of them is not
 * a document of the model or no longer reads as one (the whole site must be read again). The
 * site object is new (render workers keep one per object, so they must be sent it again), its
 * layouts, data, settings and other documents are the same objects.
 */
async function withTextsFromDisk(site: Site, paths: readonly string[]): Promise<Site | null> {
  const documents = [...site.documents]
  for (const file of paths) {
    const at = documents.findIndex((doc) => doc.relativePath === file)
    if (at === -1) return null
    const bytes = await readFile(path.join(site.root, file))
    // What `read-site.ts` reads as a static file (NUL bytes, a BOM before `---`) is not a page.
    if (bytes.includes(0) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf))
      return null
    const text = bytes.toString('utf8')
    const split = splitFrontMatter(text)
    if (split.kind !== 'yaml') return null
    documents[at] = {
      ...documents[at]!,
      body: text.slice(split.bodyStart),
      bodyLine: text.slice(0, split.bodyStart).split('\n').length,
    }
  }
  return { ...site, documents }
}
