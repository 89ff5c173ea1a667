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

/**
 * The node in a canonical form: attributes sorted, null ones and empty lists
 * dropped, so the same content hashes the same whether it comes from the
 * parser or from ProseMirror's `toJSON()` (which adds every schema default).
 */
function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    if (!value.length) return undefined
    const items = value.map((item) => canonical(item))
    // ProseMirror orders marks by schema rank, the parser by nesting: the order carries no meaning.
    return key === 'marks'
      ? items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
      : items
  }
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== null && inner !== undefined)
    .map(([name, inner]) => [name, canonical(inner, name)] as const)
    .filter(
      ([, inner]) =>
        inner !== undefined &&
        !(typeof inner === 'object' && inner !== null && Object.keys(inner).length === 0),
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries)
}

/** FNV-1a over the canonical JSON without the bookkeeping attributes: cheap, stable. */
export function fingerprint(node: EditorNode): string {
  // Only the block's own bookkeeping is left out (an image's `src` attribute is content).
  const { src: _src, fp: _fp, ...attrs } = node.attrs ?? {}
  const json = JSON.stringify(canonical({ ...node, attrs }))
  let hash = 0x811c9dc5
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return `${(hash >>> 0).toString(36)}:${json.length}`
}
