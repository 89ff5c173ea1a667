import path from 'node:path'
import type { CacheTreeNode } from './cache-tree.js'
import { writeAtomically } from './git-fs.js'
import type { IndexEntry } from './index-file.js'
import { renderPlainIndex } from './plain-index.js'
import { indexSeconds, smudgeRacyEntries } from './racy-entries.js'

/**
 * Writes `.git/index` once, whole, as a plain version 2 or 3 index (see
 * `plain-index.ts`), after smudging the entries git's racy-entry rule says to
 * (see `racy-entries.ts`). The caller holds `index.lock`.
 */
export async function writeIndexFile(
  gitdir: string,
  root: string,
  entries: readonly IndexEntry[],
  cacheTree: CacheTreeNode | null = null,
): Promise<void> {
  const file = path.join(gitdir, 'index')
  const previous = indexSeconds(file)
  const bytes = renderPlainIndex(entries, cacheTree)
  await writeAtomically(file, previous === null ? bytes : smudgeRacyEntries(bytes, root, previous))
}
