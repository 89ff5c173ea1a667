/**
 * A collection document's `categories` and `tags` as Jekyll's `Document`
 * works them out (`categories_from_path`, `merge_categories!`,
 * `populate_categories`, `populate_tags`): they feed `site.categories`,
 * `site.tags` and the `:categories` of permalinks, so a difference here moves
 * a post's address.
 */

/**
 * The folders above a `_posts` folder (`blog/_posts/…` → `blog`); none for
 * `_posts/…` itself, whose subfolders are not categories in Jekyll 4.
 */
export function categoriesFromPath(postsFolder: string): string[] {
  return postsFolder.split('/').slice(0, -1).filter(Boolean)
}

/**
 * The path's categories, then the front matter's `categories` (a string split
 * on whitespace, as `String#split`), then a singular `category` kept whole
 * (`category: vie pratique` is one category), as strings, without repeats.
 */
export function documentCategories(fromPath: string[], data: Record<string, unknown>): string[] {
  const plural = listOf(data.categories, true)
  const singular = present(data.category) ? listOf(data.category, false) : plural
  const all = [...new Set([...fromPath, ...plural])]
  return [...new Set([...all, ...singular].map(String))]
}

/** `tag` kept whole when present, else `tags` split on whitespace; repeats kept, as Jekyll does. */
export function documentTags(data: Record<string, unknown>): unknown[] {
  return present(data.tag) ? listOf(data.tag, false) : listOf(data.tags, true)
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false
}

/** Ruby's `Array(value).flatten.compact`, a string split on whitespace when `split`. */
function listOf(value: unknown, split: boolean): unknown[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') return split ? value.split(/\s+/).filter(Boolean) : [value]
  if (Array.isArray(value)) return value.flat(Infinity).filter((item) => item != null)
  return [value]
}
