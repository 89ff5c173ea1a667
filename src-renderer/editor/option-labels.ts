import type { PageEntry } from '../../src-shared/api/types.js'
import { pageSlug } from '../../src-shared/content-types/reference-fields.js'

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
    const name = pageSlug(page.path, page.collection)
    if (page.title && !titles.has(name)) titles.set(name, page.title)
  }
  return options.map((value) => ({ value, label: titles.get(value) ?? value }))
}
