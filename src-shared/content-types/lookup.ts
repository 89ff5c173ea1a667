import type { ContentType, ContentTypes, Field } from './content-types.js'

/**
 * What the workbench asks of the content types, apart from their parser (`content-types.ts`,
 * with zod and YAML), which the workbench's first script does without.
 */

/** The type whose collection holds the page, if any. */
export function typeForCollection(
  types: ContentTypes | null,
  collection: string,
): ContentType | null {
  return types?.types.find((type) => type.collection === collection) ?? null
}

/** French validation messages are catalogue keys; `null` when the value is fine. */
export function validateField(field: Field, value: unknown): string | null {
  const empty =
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  if (field.required && empty) return 'settings.form.required'
  if (empty) return null
  if (field.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'settings.form.notANumber'
    if (field.min !== undefined && value < field.min) return 'settings.form.tooSmall'
    if (field.max !== undefined && value > field.max) return 'settings.form.tooLarge'
  }
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}/.test(String(value)))
    return 'settings.form.notADate'
  if (field.type === 'select' && !field.options.includes(String(value)))
    return 'settings.form.notAnOption'
  return null
}

/** The link to another page of the workspace, in the form the site uses. */
export function internalLink(types: ContentTypes | null, pagePath: string): string {
  if (types?.links === 'path')
    return `/${pagePath.replace(/^_[^/]+\//, '').replace(/\.(md|markdown)$/, '.html')}`
  return `{% link ${pagePath} %}`
}
