import { isMap, isNode, isScalar, Scalar, stringify, type Document, type YAMLMap } from 'yaml'
import { parseYamlDocument } from './yaml-gate.js'

/**
 * Edits front-matter YAML by splicing source text, never by re-printing the
 * document: `Document.toString()` changes escapes, indentation and trailing
 * spaces of keys nobody touched. The Document API only tells us *where* a key
 * is; the bytes outside that range are kept as they were.
 */

export type FieldValue = string | number | boolean | null | string[]

/** A key path: `['title']`, or `['hero', 'title']` for a nested mapping. */
export type FieldPath = readonly string[]

export class FrontMatterEditError extends Error {}

function parse(yaml: string): Document.Parsed {
  const doc = parseYamlDocument(yaml, { keepSourceTokens: false, uniqueKeys: false })
  if (doc.errors.length > 0) throw new FrontMatterEditError(doc.errors[0]!.message)
  return doc
}

/** A node's source range [start, value end, node end], when it has one. */
function rangeOf(node: unknown): [number, number, number] | null {
  return isNode(node) && node.range ? node.range : null
}

function detectEol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n'
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1
}

function lineEnd(text: string, index: number): number {
  const next = text.indexOf('\n', index)
  return next < 0 ? text.length : next + 1
}

function columnOf(text: string, index: number): number {
  return index - lineStart(text, index)
}

/** A flow or plain rendering of a value, in the original scalar's quoting style when it had one. */
function formatInline(value: FieldValue, style?: Scalar.Type | undefined): string {
  if (Array.isArray(value))
    return stringify(value, { flowCollectionPadding: false, collectionStyle: 'flow' }).trim()
  const scalar = new Scalar(value)
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE' || style === 'PLAIN') scalar.type = style
  const text = stringify(scalar, { lineWidth: 0, defaultStringType: 'PLAIN' }).replace(/\n$/, '')
  // A value that needs more than one line cannot go inline: quote it instead.
  return text.includes('\n') ? JSON.stringify(value) : text
}

function formatBlock(value: string, header: string, indent: string, eol: string): string {
  const keep = header.includes('+') ? '+' : header.includes('-') || !value.endsWith('\n') ? '-' : ''
  const body = value.replace(/\n$/, '')
  const lines = body.split('\n').map((line) => (line ? `${indent}${line}` : ''))
  return `${header[0]}${keep}${eol}${lines.join(eol)}${eol}`
}

function findMap(doc: Document.Parsed, path: FieldPath): YAMLMap | null {
  let node: unknown = doc.contents
  for (const key of path) {
    if (!isMap(node)) return null
    node = node.get(key, true)
  }
  return isMap(node) ? node : null
}

/** Sets a field (adding it, and its parent mapping, when missing). Returns the new YAML text. */
export function setField(yaml: string, path: FieldPath, value: FieldValue): string {
  const doc = parse(yaml)
  const eol = detectEol(yaml)
  const key = path[path.length - 1]!
  const parentPath = path.slice(0, -1)
  const parent = findMap(doc, parentPath)
  if (!parent) {
    if (doc.contents !== null && !isMap(doc.contents))
      throw new FrontMatterEditError('not a mapping')
    // Build the missing parents as an appended nested block.
    const existing = parentPath.findIndex(
      (_, index) => !findMap(doc, parentPath.slice(0, index + 1)),
    )
    const anchorPath = parentPath.slice(0, existing)
    const nested = parentPath
      .slice(existing)
      .reduceRight<unknown>((inner, name) => ({ [name]: inner }), { [key]: value })
    const [name, inner] = Object.entries(nested as Record<string, unknown>)[0]!
    return appendPair(
      yaml,
      doc,
      anchorPath,
      name,
      inner as FieldValue | Record<string, unknown>,
      eol,
    )
  }
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
  if (!pair) return appendPair(yaml, doc, parentPath, key, value, eol)

  const node = pair.value
  if (isScalar(node) && node.range) {
    const [start, end] = node.range
    const original = yaml.slice(start, end)
    let replacement: string
    if (
      (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') &&
      typeof value === 'string'
    ) {
      const firstLine = yaml.slice(lineEnd(yaml, start), end)
      const indent = /^[ \t]*/.exec(firstLine)?.[0] ?? '  '
      replacement = formatBlock(value, original.split(/\r?\n/)[0]!, indent, eol)
    } else if (value === null || value === '') {
      // Emptied: the key stays, with nothing after it (and its comment, if any).
      const extra = yaml[start - 1] === ' ' && yaml[end] === ' ' ? 1 : 0
      return yaml.slice(0, start) + yaml.slice(end + extra)
    } else if (original === '' || (node.value === null && !/\S/.test(original))) {
      const before = yaml[start - 1]
      const after = yaml[start]
      replacement = `${before === ':' ? ' ' : ''}${formatInline(value)}${after === '#' ? ' ' : ''}`
    } else {
      replacement = formatInline(value, node.type)
    }
    return yaml.slice(0, start) + replacement + yaml.slice(end)
  }
  // A collection (or an alias) is replaced as a whole, from after the colon to the end of its lines.
  const keyRange = isScalar(pair.key) ? pair.key.range : null
  if (!keyRange) throw new FrontMatterEditError('no source range')
  const colon = yaml.indexOf(':', keyRange[1])
  const valueEnd = rangeOf(node)?.[2] ?? lineEnd(yaml, colon)
  const tail = yaml.slice(0, valueEnd).endsWith('\n') ? eol : ''
  return `${yaml.slice(0, colon + 1)} ${formatInline(value)}${tail}${yaml.slice(valueEnd)}`
}

function appendPair(
  yaml: string,
  doc: Document.Parsed,
  parentPath: FieldPath,
  key: string,
  value: FieldValue | Record<string, unknown>,
  eol: string,
): string {
  const parent = parentPath.length
    ? findMap(doc, parentPath)
    : isMap(doc.contents)
      ? doc.contents
      : null
  let insertAt = yaml.length
  let indent = ''
  let step = '  '
  if (parent && parent.items.length > 0) {
    const first = parent.items[0]!
    const last = parent.items[parent.items.length - 1]!
    const firstKey = isScalar(first.key) ? first.key.range : null
    if (firstKey) indent = ' '.repeat(columnOf(yaml, firstKey[0]))
    const lastEnd = rangeOf(last.value)?.[2] ?? rangeOf(last.key)?.[2] ?? yaml.length
    insertAt = parentPath.length ? lineEnd(yaml, Math.max(lastEnd - 1, 0)) : yaml.length
    const nestedChild = parent.items.map((item) => item.value).find((child) => isMap(child))
    if (isMap(nestedChild) && nestedChild.items[0] && isScalar(nestedChild.items[0].key)) {
      const childIndent = columnOf(yaml, nestedChild.items[0].key.range![0]) - indent.length
      if (childIndent > 0) step = ' '.repeat(childIndent)
    }
  }
  const lines: string[] = []
  const emit = (name: string, content: unknown, depth: string) => {
    if (content !== null && typeof content === 'object' && !Array.isArray(content)) {
      lines.push(`${depth}${formatKey(name)}:`)
      for (const [child, inner] of Object.entries(content)) emit(child, inner, depth + step)
    } else {
      const text =
        content === null || content === '' ? '' : ` ${formatInline(content as FieldValue)}`
      lines.push(`${depth}${formatKey(name)}:${text}`)
    }
  }
  emit(key, value, indent)
  const prefix = insertAt > 0 && !yaml.slice(0, insertAt).endsWith('\n') ? eol : ''
  return yaml.slice(0, insertAt) + prefix + lines.join(eol) + eol + yaml.slice(insertAt)
}

function formatKey(key: string): string {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(key) ? key : JSON.stringify(key)
}

/** Removes a field and only its lines (with its trailing comment). */
export function removeField(yaml: string, path: FieldPath): string {
  const doc = parse(yaml)
  const parent = findMap(doc, path.slice(0, -1))
  const key = path[path.length - 1]!
  const pair = parent?.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
  if (!pair || !isScalar(pair.key) || !pair.key.range) return yaml
  const start = lineStart(yaml, pair.key.range[0])
  const valueEnd = rangeOf(pair.value)?.[2] ?? pair.key.range[2]
  const end = lineEnd(yaml, Math.max(valueEnd - 1, pair.key.range[1]))
  return yaml.slice(0, start) + yaml.slice(end)
}

/** Reads a field's current value (plain JS), or undefined. */
export function getField(yaml: string, path: FieldPath): unknown {
  const data = parseYamlDocument(yaml).toJS() as unknown
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
    data,
  )
}
