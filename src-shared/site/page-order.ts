import type { PageEntry } from '../api/types.js'

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** Explorer order: by front-matter `order` (pages without one last), then by title. */
export function comparePages(a: PageEntry, b: PageEntry): number {
  if (a.order !== b.order) {
    if (a.order === null) return 1
    if (b.order === null) return -1
    return a.order - b.order
  }
  return collator.compare(a.title, b.title) || collator.compare(a.path, b.path)
}
