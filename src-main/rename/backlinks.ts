import type { Backlink } from '../../src-shared/api/types.js'
import type { ContentTypes } from '../../src-shared/content-types/content-types.js'
import { referenceFields } from '../../src-shared/content-types/reference-fields.js'
import { readLinkIndex, resolveReference, type LinkIndex } from '../links/resolve-reference.js'
import { scanFiles } from './rename-site.js'

/**
 * « Pages qui mènent ici »: every place of another file that names the page — links,
 * `{% link %}`, addresses, declared reference fields (`theme:`), menu data — one per line,
 * the pages by title. The same reading of the site as a rename's, so what is listed here is
 * what a rename rewrites.
 */
export async function findBacklinks(
  root: string,
  page: string,
  types: ContentTypes | null,
  titles: ReadonlyMap<string, string>,
  index?: LinkIndex,
): Promise<Backlink[]> {
  index ??= await readLinkIndex(root)
  const fields = referenceFields(types)
  const found: Backlink[] = []
  for (const file of await scanFiles(root, index, fields, page)) {
    if (file.path === page) continue
    const lines = file.text.split('\n')
    const seen = new Set<number>()
    for (const reference of file.references) {
      if (seen.has(reference.line)) continue
      const field =
        reference.kind === 'field'
          ? fields.find(
              (declared) =>
                declared.collection === file.collection &&
                declared.path.join('.') === reference.field,
            )
          : undefined
      if (reference.kind === 'field' && !field) continue
      const options = field ? { collection: field.target } : {}
      if (resolveReference(index, file.path, reference, options) !== page) continue
      seen.add(reference.line)
      found.push({
        path: file.path,
        title: titles.get(file.path) || file.path,
        line: reference.line,
        text: (lines[reference.line - 1] ?? '').trim(),
      })
    }
  }
  return found.sort(
    (a, b) =>
      a.title.localeCompare(b.title, 'fr') || a.path.localeCompare(b.path) || a.line - b.line,
  )
}
