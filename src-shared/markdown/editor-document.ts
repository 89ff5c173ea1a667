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

/** FNV-1a over the node's JSON without its bookkeeping attributes: cheap, stable. */
export function fingerprint(node: EditorNode): string {
  const json = JSON.stringify(node, (key, value: unknown) =>
    key === 'src' || key === 'fp' ? undefined : value,
  )
  let hash = 0x811c9dc5
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return `${(hash >>> 0).toString(36)}:${json.length}`
}
