import { Scalar, stringify } from 'yaml'
import type { ContentType } from './content-types.js'

/** Placeholders a type's template asks for (`{{pays}}`), besides the title and the date Atelier fills. */
export function templatePlaceholders(type: ContentType): string[] {
  const names = [...type.template.matchAll(/\{\{\s*([\p{L}\p{N}_-]+)\s*\}\}/gu)].map(
    (match) => match[1]!,
  )
  return [...new Set(names)].filter((name) => name !== 'title' && name !== 'date')
}

/** A YAML scalar for a template value: plain when safe, quoted when YAML would misread it. */
function yamlScalar(value: string): string {
  return stringify(new Scalar(value), { lineWidth: 0 }).trimEnd()
}

/**
 * The text of a new page of this type: its template's front matter (comments
 * kept) with the placeholders filled, then the body sections.
 */
export function newPageText(
  type: ContentType,
  values: Record<string, string>,
  today: string,
): string {
  const all: Record<string, string> = { date: today, ...values }
  const frontMatter = type.template.replace(
    /\{\{\s*([\p{L}\p{N}_-]+)\s*\}\}/gu,
    (_match, name: string) =>
      all[name] !== undefined && all[name] !== '' ? yamlScalar(all[name]) : '',
  )
  const yaml = frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`
  const body = type.body.trim() ? `\n${type.body.replace(/\s*$/, '\n')}` : '\n'
  return `---\n${yaml}---\n${body}`
}
