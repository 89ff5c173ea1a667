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

const FNV_PRIME = 0x01000193

function mix(state: HashState, text: string): void {
  let hash = state.hash
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, FNV_PRIME)
  }
  state.hash = hash
  state.length += text.length
}

/** One punctuation character of the canonical form (`{`, `,`…): no one-letter string to loop over. */
function mixChar(state: HashState, code: number): void {
  state.hash = Math.imul(state.hash ^ code, FNV_PRIME)
  state.length++
}

const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const QUOTE = 0x22

/** A node's own bookkeeping, left out of its top-level attributes (an image's `src` attribute is content). */
const isBookkeeping = (name: string) => name === 'src' || name === 'fp'

function isEmpty(value: unknown): boolean {
  if (typeof value !== 'object') return value === undefined
  if (value === null) return true
  if (Array.isArray(value)) return value.length === 0
  return isEmptyRecord(value as Record<string, unknown>, false)
}

function isEmptyRecord(record: Record<string, unknown>, omitBookkeeping: boolean): boolean {
  for (const name in record) {
    if (!Object.prototype.hasOwnProperty.call(record, name)) continue
    if (omitBookkeeping && isBookkeeping(name)) continue
    if (!isEmpty(record[name])) return false
  }
  return true
}

function byType(a: unknown, b: unknown): number {
  const left = String((a as { type?: unknown }).type)
  const right = String((b as { type?: unknown }).type)
  return left < right ? -1 : left > right ? 1 : 0
}

function walk(value: unknown, key: string, state: HashState): void {
  if (typeof value === 'string') {
    // Tag the type so the string "1" and the number 1 differ.
    mixChar(state, QUOTE)
    mix(state, value)
  } else if (typeof value !== 'object' || value === null) {
    mix(state, `${typeof value}:${String(value)}`)
  } else if (Array.isArray(value)) {
    mixChar(state, OPEN_BRACKET)
    for (const item of key === 'marks' && value.length > 1 ? [...value].sort(byType) : value) {
      if (isEmpty(item)) mix(state, 'null')
      else walk(item, '', state)
      mixChar(state, COMMA)
    }
    mixChar(state, CLOSE_BRACKET)
  } else walkRecord(value as Record<string, unknown>, state, false, false)
}

/**
 * The object's keys in `sort()`'s order (UTF-16 code units), by insertion:
 * a node has a handful of keys, for which `Array.prototype.sort` costs more
 * than the rest of the hashing.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const names = Object.keys(record)
  for (let index = 1; index < names.length; index++) {
    const name = names[index]!
    let at = index
    while (at > 0 && names[at - 1]! > name) {
      names[at] = names[at - 1]!
      at--
    }
    names[at] = name
  }
  return names
}

/**
 * An object, keys in sorted order and empty values left out (and, with
 * `omitBookkeeping`, the bookkeeping names); at a node's top level (`node`),
 * its `attrs` walked without the bookkeeping, and left out when nothing else
 * is in them.
 */
function walkRecord(
  record: Record<string, unknown>,
  state: HashState,
  node: boolean,
  omitBookkeeping: boolean,
): void {
  mixChar(state, OPEN_BRACE)
  for (const name of sortedKeys(record)) {
    if (omitBookkeeping && isBookkeeping(name)) continue
    const value = record[name]
    const attrs = node && name === 'attrs' && typeof value === 'object' && value !== null
    if (attrs ? isEmptyRecord(value as Record<string, unknown>, true) : isEmpty(value)) continue
    mix(state, name)
    mixChar(state, COLON)
    if (attrs) walkRecord(value as Record<string, unknown>, state, false, true)
    else walk(value, name, state)
    mixChar(state, COMMA)
  }
  mixChar(state, CLOSE_BRACE)
}

/** The block's fingerprint, its own bookkeeping left out (an image's `src` attribute is content). */
export function fingerprint(node: EditorNode): string {
  const state: HashState = { hash: 0x811c9dc5, length: 0 }
  walkRecord(node as unknown as Record<string, unknown>, state, true, false)
  return `${(state.hash >>> 0).toString(36)}:${state.length}`
}

/**
 * Blocks that are exactly as they were fingerprinted: frozen with everything
 * in them when the fingerprint was taken, so nothing can have changed them
 * since (an edit makes a new node, as ProseMirror does). Saving writes them
 * from `src` without hashing them a second time.
 */
const asFingerprinted = new WeakSet<EditorNode>()

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  Object.freeze(value)
  if (Array.isArray(value)) for (const item of value) deepFreeze(item)
  else for (const name in value) deepFreeze((value as Record<string, unknown>)[name])
}

/** Sets the block's `fp` and freezes it: from then on it cannot change, only be replaced. */
export function sealFingerprint(node: EditorNode): void {
  ;(node.attrs ??= {}).fp = fingerprint(node)
  deepFreeze(node)
  asFingerprinted.add(node)
}

/**
 * Seals a block that still matches its `fp`, made elsewhere than at open (the
 * editor's copy of one of its blocks, see `editor-json.ts`): later saves then
 * write it from `src` without hashing it again. It must be the caller's own:
 * it is frozen.
 */
export function sealIfUnchanged(node: EditorNode): void {
  if (asFingerprinted.has(node)) return
  if (typeof node.attrs?.src !== 'string' || node.attrs.fp !== fingerprint(node)) return
  deepFreeze(node)
  asFingerprinted.add(node)
}

/** Whether the block is still as its `fp` says: a sealed block is, without hashing it again. */
export function matchesFingerprint(node: EditorNode): boolean {
  return asFingerprinted.has(node) || node.attrs?.fp === fingerprint(node)
}
