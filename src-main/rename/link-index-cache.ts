import { readLinkIndex, type LinkIndex } from '../links/resolve-reference.js'
import type { Workspace } from '../workspace/workspace.js'

/**
 * The links' reading of a workspace's site, kept between calls: « Pages qui mènent ici » asks
 * for it each time a page opens, and reading a large guide takes seconds. A change that may
 * move an address (a file added, removed or renamed, settings changed, another program's
 * write) drops it; a save of a page's text alone does not, since addresses, titles and
 * collections come from the front matter and the files are read again for their text.
 */
export class LinkIndexCache {
  private index: Promise<LinkIndex> | null = null

  constructor(private readonly workspace: Workspace) {
    workspace.onChange((changes) => {
      if (!changes.every((change) => change.textOnly)) this.index = null
    })
  }

  get(): Promise<LinkIndex> {
    if (!this.index) {
      const reading = readLinkIndex(this.workspace.root)
      this.index = reading
      // A failed read is not kept: the next call tries again.
      reading.catch(() => {
        if (this.index === reading) this.index = null
      })
    }
    return this.index
  }
}

const caches = new WeakMap<Workspace, LinkIndexCache>()

/** The workspace's cache, made on first use. */
export function linkIndexOf(workspace: Workspace): Promise<LinkIndex> {
  let cache = caches.get(workspace)
  if (!cache) {
    cache = new LinkIndexCache(workspace)
    caches.set(workspace, cache)
  }
  return cache.get()
}
