import type { ContentTypes, Field } from '../../src-shared/content-types/content-types.js'
import { fileStem, type LinkIndex } from '../links/resolve-reference.js'

/** A front-matter key whose value names a page of a collection (`theme:` → `themes`). */
export interface ReferenceField {
  name: string
  collection: string
}

/**
 * The reference fields of each collection's pages, from `_atelier.yml`: a field declared with
 * the collection it names (`reference: themes`), or a choice list whose options are all file
 * names of one collection's pages (the starter's `theme:`, a select of the themes' names).
 */
export function referenceFields(
  types: ContentTypes | null,
  index: LinkIndex,
): Map<string, ReferenceField[]> {
  const byCollection = new Map<string, ReferenceField[]>()
  if (!types) return byCollection
  const stems = new Map<string, Set<string>>()
  for (const doc of index.site.documents) {
    if (doc.collection === null) continue
    const set = stems.get(doc.collection) ?? new Set<string>()
    set.add(fileStem(doc.relativePath))
    stems.set(doc.collection, set)
  }
  for (const type of types.types) {
    const fields: ReferenceField[] = []
    for (const field of type.fields) {
      const collection = declaredCollection(field) ?? optionsCollection(field, stems)
      if (collection !== null) fields.push({ name: field.name, collection })
    }
    if (fields.length > 0)
      byCollection.set(type.collection, [...(byCollection.get(type.collection) ?? []), ...fields])
  }
  return byCollection
}

/** `reference: themes` (or `collection:`) on a field, when `_atelier.yml`'s reader keeps it. */
function declaredCollection(field: Field): string | null {
  const declared = field as { reference?: unknown; collection?: unknown }
  const value = declared.reference ?? declared.collection
  return typeof value === 'string' && value !== '' ? value : null
}

function optionsCollection(field: Field, stems: Map<string, Set<string>>): string | null {
  if (field.type !== 'select' || field.options.length === 0) return null
  for (const [collection, names] of stems)
    if (field.options.every((option) => names.has(option))) return collection
  return null
}
