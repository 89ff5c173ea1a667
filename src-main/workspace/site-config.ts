import type { CollectionInfo, ConfigProblem } from '../../src-shared/api/types.js'
import { markdownInputOf, type MarkdownInput } from '../../src-shared/markdown/markdown-input.js'
import { CONFIG_FILE, readJekyllConfig } from '../site/jekyll-config.js'
import type { SiteFilterConfig } from '../site/site-filter.js'

export { CONFIG_FILE }

/**
 * What the workspace needs of `_config.yml`, projected from the one reader the preview and
 * `cli build` use (`site/jekyll-config.ts`), so the explorer and the preview agree.
 */
export interface SiteConfig extends SiteFilterConfig {
  collections: CollectionInfo[]
  /** Why `_config.yml` exists but could not be used (French, file and line); null when fine. */
  problem: ConfigProblem | null
  /** `kramdown.input`: how the editor must read the site's Markdown. */
  markdownInput?: MarkdownInput
}

export async function readSiteConfig(root: string): Promise<SiteConfig> {
  const config = await readJekyllConfig(root)
  return {
    collections: config.collections.map(({ name, folder, output }) => ({ name, folder, output })),
    exclude: config.exclude,
    include: config.include,
    collectionsDir: config.collectionsDir,
    problem: config.problem,
    markdownInput: markdownInputOf(config.raw),
  }
}
