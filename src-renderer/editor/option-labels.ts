import type { PageEntry } from '../../src-shared/api/types.js'

export interface OptionLabel {
  value: string
  label: string
}

/**
 * What a list field shows for each of its values: a value that names a page's file (the
 * case study's `theme: acces-information` names `_themes/acces-information.md`) shows that
 * page's title, as the contributor knows it; any other value shows as written. The value
 * stored in the page stays the file name.
 */
export function optionLabels(
  options: readonly string[],
  pages: readonly PageEntry[],
): OptionLabel[] {
  const titles = new Map<string, string>()
  for (const page of pages) {
    const name = slugOf(page)
    if (page.title && !titles.has(name)) titles.set(name, page.title)
  }
  return options.map((value) => ({ value, label: titles.get(value) ?? value }))
}

/** A page's file name without its extension, nor a post's date (`2024-05-01-annonce` → `annonce`). */
function slugOf(page: PageEntry): string {
  const file = page.path.slice(page.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')
  return page.collection === 'posts' ? file.replace(/^\d{4}-\d{2}-\d{2}-/, '') : file
}
