import type { ContentTypes, Field } from '../../src-shared/content-types/content-types.js'
import { referenceFields as declaredReferenceFields } from '../../src-shared/content-types/reference-fields.js'
import { fileStem, type LinkIndex } from '../links/resolve-reference.js'

/** A front-matter key whose value names a page of a collection (`theme:` → `themes`). */
export interface ReferenceField {
  name: string
  collection: string
}

/**
 * The reference fields of each collection's pages, from `_atelier.yml`: a field declared
 * `type: reference` (read by the shared `referenceFields`, the one the form and renames use;
 * top-level ones, as the page scan reads top-level settings), or a choice list whose options
 * are all file names of one collection's pages (a site that never declared its `theme:`).
 */
export function referenceFields(
  types: ContentTypes | null,
  index: LinkIndex,
): Map<string, ReferenceField[]> {
  const byCollection = new Map<string, ReferenceField[]>()
  if (!types) return byCollection
  const add = (collection: string, field: ReferenceField) =>
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), field])
  for (const declared of declaredReferenceFields(types))
    if (declared.path.length === 1)
      add(declared.collection, { name: declared.path[0]!, collection: declared.target })
  const stems = new Map<string, Set<string>>()
  for (const doc of index.site.documents) {
    if (doc.collection === null) continue
    const set = stems.get(doc.collection) ?? new Set<string>()
    set.add(fileStem(doc.relativePath))
    stems.set(doc.collection, set)
  }
  for (const type of types.types)
    for (const field of type.fields) {
      const collection = optionsCollection(field, stems)
      if (collection !== null) add(type.collection, { name: field.name, collection })
    }
  return byCollection
}

function optionsCollection(field: Field, stems: Map<string, Set<string>>): string | null {
  if (field.type !== 'select' || field.options.length === 0) return null
  for (const [collection, names] of stems)
    if (field.options.every((option) => names.has(option))) return collection
  return null
}
