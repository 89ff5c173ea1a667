import type { PageEntry, PageIndexSnapshot } from '../../src-shared/api/types.js'

/** One row of the explorer tree, flattened in display order for keyboard navigation. */
export type TreeRow =
  | { kind: 'group'; id: string; label: string; count: number; expanded: boolean }
  | { kind: 'page'; id: string; page: PageEntry; group: string }
  | { kind: 'file'; id: string; path: string; group: string }

export const SITE_FILES = '__site-files__'

/** Collection display order: declared collections, then articles, then plain pages. */
export function groupOrder(index: PageIndexSnapshot): string[] {
  const declared = index.collections
    .map((collection) => collection.name)
    .filter((name) => name !== 'posts')
  return [...declared, 'posts', 'pages']
}

export function buildRows(
  index: PageIndexSnapshot,
  collapsed: ReadonlySet<string>,
  label: (group: string) => string,
): TreeRow[] {
  const rows: TreeRow[] = []
  for (const group of groupOrder(index)) {
    const pages = index.pages.filter((page) => page.collection === group)
    if (pages.length === 0) continue
    const expanded = !collapsed.has(group)
    rows.push({
      kind: 'group',
      id: `group:${group}`,
      label: label(group),
      count: pages.length,
      expanded,
    })
    if (expanded) {
      for (const page of pages) rows.push({ kind: 'page', id: `page:${page.path}`, page, group })
    }
  }
  if (index.files.length > 0) {
    const expanded = !collapsed.has(SITE_FILES)
    rows.push({
      kind: 'group',
      id: `group:${SITE_FILES}`,
      label: label(SITE_FILES),
      count: index.files.length,
      expanded,
    })
    if (expanded) {
      for (const path of index.files)
        rows.push({ kind: 'file', id: `file:${path}`, path, group: SITE_FILES })
    }
  }
  return rows
}
