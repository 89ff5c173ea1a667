import { getField } from '../../src-shared/front-matter/front-matter-edit.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import type { FileChange, TrashEntry } from '../../src-shared/api/types.js'

/** A page's `title` as its text (from a version) says; null when it has none or is damaged. */
export function titleOfText(text: string): string | null {
  const split = splitFrontMatter(text)
  if (split.kind !== 'yaml') return null
  try {
    const title = getField(split.yaml, ['title'])
    return typeof title === 'string' && title.trim() ? title.trim() : null
  } catch {
    return null
  }
}

/**
 * Titles of the deleted pages « Modifications » lists: from Atelier's trash when it kept the
 * page, else read from the last version (`pageAt`: the page's text at `HEAD`, null if absent).
 */
export async function deletedTitles(
  changes: FileChange[],
  trash: TrashEntry[],
  pageAt: (path: string) => Promise<string | null>,
): Promise<Record<string, string>> {
  const titles: Record<string, string> = {}
  for (const change of changes) {
    if (change.kind !== 'deleted') continue
    const kept = trash.find((entry) => entry.path === change.path)?.title
    const title = kept ?? titleOfText((await pageAt(change.path).catch(() => null)) ?? '')
    if (title) titles[change.path] = title
  }
  for (const entry of trash) titles[entry.path] ??= entry.title
  return titles
}
