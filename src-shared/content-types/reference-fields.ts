import type { PageEntry } from '../api/types.js'
import type { ContentTypes, Field } from './content-types.js'

/**
 * The value that names a page in a reference field: its file name without the extension,
 * nor a post's date (`_posts/2024-05-01-annonce.md` → `annonce`). It is Jekyll's `slug`,
 * which the site's templates look pages up by (`where: "slug", page.theme`).
 */
export function pageSlug(path: string, collection: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')
  return collection === 'posts' ? file.replace(/^\d{4}-\d{2}-\d{2}-/, '') : file
}

/** A front-matter setting that names a page of `target` (`theme:` of a case study). */
export interface ReferenceField {
  /** The collection whose pages carry the setting (`cas_pratiques`). */
  collection: string
  /** The keys leading to it (`['theme']`, or `['hero', 'theme']` inside a group). */
  path: string[]
  /** The collection of the pages it names (`themes`). */
  target: string
}

/** Every reference field `_atelier.yml` declares, nested groups included. */
export function referenceFields(types: ContentTypes | null): ReferenceField[] {
  const found: ReferenceField[] = []
  const walk = (collection: string, fields: Field[], parent: string[]) => {
    for (const field of fields) {
      const path = [...parent, field.name]
      if (field.type === 'reference') found.push({ collection, path, target: field.collection })
      else if (field.type === 'object') walk(collection, field.fields, path)
    }
  }
  for (const type of types?.types ?? []) walk(type.collection, type.fields, [])
  return found
}

export interface ReferenceChoice {
  value: string
  label: string
}

/**
 * What a reference field offers: the pages of its collection, by title (the file name when a
 * page has none), in the site's `order` then alphabetically. A value naming no page of the
 * collection is kept first, as written, so that opening the form never changes it.
 */
export function referenceChoices(
  collection: string,
  pages: readonly PageEntry[],
  current?: string,
): ReferenceChoice[] {
  const members = pages
    .filter((page) => page.collection === collection)
    .sort(
      (a, b) =>
        (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) ||
        a.title.localeCompare(b.title, 'fr'),
    )
  const choices = members.map((page) => {
    const value = pageSlug(page.path, page.collection)
    return { value, label: page.title || value }
  })
  if (current && !choices.some((choice) => choice.value === current))
    choices.unshift({ value: current, label: current })
  return choices
}
