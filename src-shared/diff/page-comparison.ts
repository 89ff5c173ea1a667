import { parseYaml } from '../front-matter/yaml-gate.js'
import { splitFrontMatter } from '../front-matter/split-front-matter.js'
import { diffLines, type DiffLine } from './line-diff.js'

/** One front-matter setting that differs between two versions of a page. */
export interface FieldChange {
  /** Dotted key for nested settings: `hero.title`. */
  key: string
  /** The value as readable text (lists joined, objects as YAML-ish JSON); null when absent. */
  before: string | null
  after: string | null
}

export interface PageComparison {
  fields: FieldChange[]
  body: DiffLine[]
  /** True when the front matter could not be read as YAML on one side: compared as text. */
  frontMatterAsText: boolean
}

/**
 * Compares two versions of a page the way a reviewer reads them: the
 * settings (front matter) key by key, the text line by line. `null` stands
 * for a page that does not exist on that side.
 */
export function comparePages(before: string | null, after: string | null): PageComparison {
  const a = pageParts(before ?? '')
  const b = pageParts(after ?? '')
  if (a.fields === null || b.fields === null) {
    return {
      fields: [],
      body: diffLines(before ?? '', after ?? ''),
      frontMatterAsText: true,
    }
  }
  const keys = [...new Set([...a.fields.keys(), ...b.fields.keys()])]
  const fields: FieldChange[] = []
  for (const key of keys) {
    const left = a.fields.get(key) ?? null
    const right = b.fields.get(key) ?? null
    if (left !== right) fields.push({ key, before: left, after: right })
  }
  return { fields, body: diffLines(a.body, b.body), frontMatterAsText: false }
}

function pageParts(text: string): { fields: Map<string, string> | null; body: string } {
  const split = splitFrontMatter(text)
  if (split.kind === 'none') return { fields: new Map(), body: text }
  if (split.kind !== 'yaml') return { fields: null, body: text }
  let data: unknown
  try {
    data = parseYaml(split.yaml) ?? {}
  } catch {
    return { fields: null, body: text }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { fields: null, body: text }
  }
  const fields = new Map<string, string>()
  flatten(data as Record<string, unknown>, '', fields)
  return { fields, body: text.slice(split.bodyStart) }
}

function flatten(value: Record<string, unknown>, prefix: string, into: Map<string, string>): void {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (
      inner !== null &&
      typeof inner === 'object' &&
      !Array.isArray(inner) &&
      !(inner instanceof Date)
    ) {
      flatten(inner as Record<string, unknown>, name, into)
    } else {
      into.set(name, display(inner))
    }
  }
}

function display(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (Array.isArray(value)) return value.map((item) => display(item)).join(', ')
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
