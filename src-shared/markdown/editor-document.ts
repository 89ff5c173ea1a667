/**
 * The editor document as ProseMirror JSON, under the TipTap schema the editor
 * uses: node and mark names of `@tiptap/starter-kit` (paragraph, heading,
 * bulletList, bold, italic, link…) plus Atelier's own: `sourceBlock` and
 * `sourceInline` for everything the editor does not model (Liquid, raw HTML,
 * kramdown extensions, footnotes…), shown as source and written back as is.
 *
 * Every top-level block carries `src` (its original text, blank lines after it
 * included) and `fp` (a fingerprint of the node as parsed). A block whose
 * fingerprint still matches is written back from `src`, byte for byte.
 */
export interface Mark {
  type: 'bold' | 'italic' | 'code' | 'link'
  attrs?: Record<string, unknown>
}

export interface EditorNode {
  type: string
  attrs?: Record<string, unknown>
  content?: EditorNode[]
  marks?: Mark[]
  text?: string
}

export interface EditorDoc extends EditorNode {
  type: 'doc'
  attrs: {
    /** Blank lines before the first block. */
    lead: string
    /** Line ending for lines Atelier writes. */
    eol: '\n' | '\r\n'
    /** Link reference definitions of the page, for `[text][id]` links. */
    references: Record<string, { href: string; title: string | null }>
  }
  content: EditorNode[]
}

/** Kinds of source the editor shows as labelled blocks or chips. */
export type SourceKind =
  | 'liquid'
  | 'html'
  | 'extension'
  | 'ald'
  | 'ial'
  | 'footnote'
  | 'abbreviation'
  | 'reference'
  | 'definition-list'
  | 'table'
  | 'math'
  | 'code-indented'
  | 'other'
  /** Quotes or lists nested deeper than any real page: kept as text (see `nesting-limit.ts`). */
  | 'deep'

/**
 * A hash of the node in canonical form: keys in sorted order, null attributes
 * and empty lists ignored, marks in type order, so the same content hashes the
 * same whether it comes from the parser or from ProseMirror's `toJSON()` (which
 * adds every schema default and orders marks by schema rank). The tree is fed
 * to FNV-1a as it is walked, without building strings: this runs for every
 * block on open and on save.
 */
interface HashState {
  hash: number
  length: number
}

function mix(state: HashState, text: string): void {
  let hash = state.hash
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  state.hash = hash
  state.length += text.length
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty)
  return false
}

function byType(a: unknown, b: unknown): number {
  const left = String((a as { type?: unknown }).type)
  const right = String((b as { type?: unknown }).type)
  return left < right ? -1 : left > right ? 1 : 0
}

function walk(value: unknown, key: string, state: HashState): void {
  if (Array.isArray(value)) {
    mix(state, '[')
    for (const item of key === 'marks' ? [...value].sort(byType) : value) {
      if (isEmpty(item)) mix(state, 'null')
      else walk(item, '', state)
      mix(state, ',')
    }
    mix(state, ']')
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    mix(state, '{')
    for (const name of Object.keys(record).sort()) {
      if (isEmpty(record[name])) continue
      mix(state, name)
      mix(state, ':')
      walk(record[name], name, state)
      mix(state, ',')
    }
    mix(state, '}')
  } else {
    // Tag the type so the string "1" and the number 1 differ.
    mix(state, typeof value === 'string' ? `"${value}` : `${typeof value}:${String(value)}`)
  }
}

/** The block's fingerprint, its own bookkeeping left out (an image's `src` attribute is content). */
export function fingerprint(node: EditorNode): string {
  const { src: _src, fp: _fp, ...attrs } = node.attrs ?? {}
  const state: HashState = { hash: 0x811c9dc5, length: 0 }
  walk({ ...node, attrs }, '', state)
  return `${(state.hash >>> 0).toString(36)}:${state.length}`
}
