import { z } from 'zod'
import type { ConfigProblem } from '../api/types.js'
import { configProblem, lineOfPath, readYamlConfig } from '../config/config-problem.js'
import { CONTENT_TYPES_FILE } from './file-name.js'

/**
 * Content types: the page-settings forms of a workspace, declared in
 * `_atelier.yml` at its root (the underscore keeps Jekyll from publishing it).
 * Each type names its collection, its fields (French labels and help), the
 * front matter a new page starts from and the sections of its body.
 */

export type Field = {
  name: string
  label: string
  help?: string | undefined
  required: boolean
} & (
  | { type: 'text' | 'textarea' | 'date' | 'image' | 'list' | 'boolean' }
  | { type: 'number'; min?: number | undefined; max?: number | undefined }
  | { type: 'select'; options: string[] }
  | { type: 'object'; fields: Field[] }
  /**
   * Names another page of the site by its file name, as the site's templates look it up
   * (`theme: acces-information` names `_themes/acces-information.md`); the form offers the
   * titles of `collection`'s pages, and a rename rewrites the value.
   */
  | { type: 'reference'; collection: string }
)

const base = {
  name: z.string().regex(/^[\p{L}\p{N}_-]+$/u),
  label: z.string(),
  help: z.string().optional(),
  required: z.boolean().default(false),
}

const fieldSchema: z.ZodType<Field> = z.lazy(() =>
  z.union([
    z.object({ ...base, type: z.enum(['text', 'textarea', 'date', 'image', 'list', 'boolean']) }),
    z.object({
      ...base,
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
    z.object({ ...base, type: z.literal('select'), options: z.array(z.string()).min(1) }),
    z.object({ ...base, type: z.literal('object'), fields: z.array(fieldSchema).min(1) }),
    z.object({ ...base, type: z.literal('reference'), collection: z.string().min(1) }),
  ]),
) as z.ZodType<Field>

const typeSchema = z.object({
  label: z.string(),
  collection: z.string(),
  /** Front matter of a new page, comments included; `{{title}}` is replaced. */
  template: z.string().default('title: {{title}}\n'),
  /** Body of a new page (its sections). */
  body: z.string().default(''),
  fields: z.array(fieldSchema).min(1),
  /** The action that creates one, in its own grammar (« Nouveau cas pratique »). */
  action: z.string().optional(),
})

const fileSchema = z.object({
  /** Folder for images, relative to the root. */
  media: z.string().default('uploads'),
  /**
   * How links to other pages are written: `link-tag` uses Jekyll's
   * `{% link path %}` (the site's address and baseurl are filled at build),
   * `path` writes the page's `.html` address from the site root.
   */
  links: z.enum(['link-tag', 'path']).default('link-tag'),
  types: z.record(z.string(), typeSchema),
})

export type ContentType = z.infer<typeof typeSchema> & { id: string }
export interface ContentTypes {
  media: string
  links: 'link-tag' | 'path'
  types: ContentType[]
}

/** A broken file gives its French problem (file, line, setting), never the parser's or zod's words. */
export type ContentTypesResult =
  { ok: true; value: ContentTypes } | { ok: false; message: string; problem: ConfigProblem }

export function parseContentTypes(text: string): ContentTypesResult {
  const read = readYamlConfig(text, CONTENT_TYPES_FILE)
  if (!read.ok) return { ok: false, message: read.problem.message, problem: read.problem }
  const parsed = fileSchema.safeParse(read.value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const problem = configProblem(
      schemaProblemCode(issue, read.value),
      CONTENT_TYPES_FILE,
      lineOfPath(read.document, read.lines, issue.path),
      issue.path.map(String).join('.') || '…',
    )
    return { ok: false, message: problem.message, problem }
  }
  return {
    ok: true,
    value: {
      media: parsed.data.media,
      links: parsed.data.links,
      types: Object.entries(parsed.data.types).map(([id, type]) => ({ id, ...type })),
    },
  }
}

/** Which of the catalogue's French reasons says what zod found wrong. */
function schemaProblemCode(issue: z.core.$ZodIssue, value: unknown): ConfigProblem['code'] {
  if (issue.path.length === 0) return 'not-a-mapping'
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(value, issue.path) === undefined ? 'schema-missing' : 'schema-type'
    case 'invalid_value':
      return 'schema-value'
    case 'too_small':
      return 'schema-empty'
    case 'invalid_format':
      return 'schema-format'
    default:
      return 'schema-invalid'
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}
