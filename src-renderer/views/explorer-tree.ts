import type { PageEntry, PageIndexSnapshot } from '../../src-shared/api/types.js'

/**
 * Where a row stands in the tree, for screen readers: the explorer draws only the rows in
 * view, so each says its level, the size of its set and its place in it (`aria-level`,
 * `aria-setsize`, `aria-posinset`) rather than leaving them to be counted from the page.
 */
export interface TreePosition {
  level: 1 | 2
  setSize: number
  posInSet: number
}

/** One row of the explorer tree, flattened in display order for keyboard navigation. */
export type TreeRow = TreePosition &
  (
    | { kind: 'group'; id: string; label: string; count: number; expanded: boolean }
    | { kind: 'page'; id: string; page: PageEntry; group: string }
    | { kind: 'file'; id: string; path: string; group: string }
  )

export const SITE_FILES = '__site-files__'

/** Collection display order: declared collections, then articles, then plain pages. */
export function groupOrder(index: PageIndexSnapshot): string[] {
  const declared = index.collections
    .map((collection) => collection.name)
    .filter((name) => name !== 'posts')
  return [...declared, 'posts', 'pages']
}

/**
 * The tree as the list of its visible rows: each non-empty group, then, when it is expanded,
 * its pages (or the site's other files, last).
 */
export function buildRows(
  index: PageIndexSnapshot,
  collapsed: ReadonlySet<string>,
  label: (group: string) => string,
): TreeRow[] {
  const byGroup = new Map<string, PageEntry[]>()
  for (const page of index.pages) {
    const pages = byGroup.get(page.collection)
    if (pages) pages.push(page)
    else byGroup.set(page.collection, [page])
  }
  const groups = groupOrder(index).filter((group) => byGroup.has(group))
  const groupCount = groups.length + (index.files.length > 0 ? 1 : 0)
  const rows: TreeRow[] = []
  for (const [position, group] of groups.entries()) {
    const pages = byGroup.get(group)!
    const expanded = !collapsed.has(group)
    rows.push({
      kind: 'group',
      id: `group:${group}`,
      label: label(group),
      count: pages.length,
      expanded,
      level: 1,
      setSize: groupCount,
      posInSet: position + 1,
    })
    if (expanded) {
      for (const [at, page] of pages.entries())
        rows.push({
          kind: 'page',
          id: `page:${page.path}`,
          page,
          group,
          level: 2,
          setSize: pages.length,
          posInSet: at + 1,
        })
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
      level: 1,
      setSize: groupCount,
      posInSet: groupCount,
    })
    if (expanded) {
      for (const [at, path] of index.files.entries())
        rows.push({
          kind: 'file',
          id: `file:${path}`,
          path,
          group: SITE_FILES,
          level: 2,
          setSize: index.files.length,
          posInSet: at + 1,
        })
    }
  }
  return rows
}

/** What a row reads as, for type-ahead. */
export function rowLabel(row: TreeRow): string {
  return row.kind === 'group' ? row.label : row.kind === 'page' ? row.page.title : row.path
}
