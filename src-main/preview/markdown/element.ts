/**
 * kramdown's document tree (Kramdown::Element), reduced to what the HTML
 * writer needs. Types keep kramdown's names so the port reads like the source.
 */
export type ElementType =
  | 'root'
  | 'blank'
  | 'p'
  | 'text'
  | 'raw_text'
  | 'header'
  | 'blockquote'
  | 'codeblock'
  | 'hr'
  | 'ul'
  | 'ol'
  | 'li'
  | 'dl'
  | 'dt'
  | 'dd'
  | 'html_element'
  | 'xml_comment'
  | 'xml_pi'
  | 'comment'
  | 'raw'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tfoot'
  | 'tr'
  | 'td'
  | 'eob'
  | 'a'
  | 'img'
  | 'em'
  | 'strong'
  | 'codespan'
  | 'footnote'
  | 'footnote_def'
  | 'br'
  | 'entity'
  | 'smart_quote'
  | 'typographic_sym'
  | 'math'
  | 'abbreviation'
  | 'temp'

/** An inline attribute list: attributes in order, plus references to ALDs. */
export interface Ial {
  attrs: Record<string, string>
  refs?: string[]
}

export interface Entity {
  codePoint: number
  name: string | null
}

export type Alignment = 'default' | 'left' | 'right' | 'center'
export type ContentModel = 'block' | 'span' | 'raw'

export interface ElementOptions {
  ial?: Ial
  /** For elements that can be either (HTML, math, comments, raw). */
  category?: 'block' | 'span'
  level?: number
  /** Header text used for its automatic id. */
  rawText?: string
  /** A paragraph whose `<p>` is not written (tight list items, definitions). */
  transparent?: boolean
  lang?: string
  contentModel?: ContentModel
  isClosed?: boolean
  alignment?: Alignment[]
  /** The source text of an entity, written back for `&lt;`, `&gt;`, `&amp;`. */
  original?: string
  /** Footnote name. */
  name?: string
  entity?: Entity
  /** Footnote content (the definition's blocks). */
  content?: Element
  /** List item and definition source lines, before they are parsed into blocks. */
  lines?: string[]
  firstAsPara?: boolean
  /** `{::nomarkdown type="…"}` output formats. */
  rawType?: string[]
}

export interface Element {
  type: ElementType
  /** Text, code, symbol name or `eob` kind, depending on the type. */
  value: string | null
  attr: Record<string, string>
  options: ElementOptions
  children: Element[]
}

export function element(
  type: ElementType,
  value: string | null = null,
  attr: Record<string, string> | null = null,
  options: ElementOptions = {},
): Element {
  return { type, value, attr: attr ?? {}, options, children: [] }
}

const BLOCK_TYPES = new Set<ElementType>([
  'blank',
  'p',
  'header',
  'blockquote',
  'codeblock',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'td',
  'hr',
])
const SPAN_TYPES = new Set<ElementType>([
  'text',
  'a',
  'br',
  'img',
  'codespan',
  'footnote',
  'em',
  'strong',
  'entity',
  'typographic_sym',
  'smart_quote',
  'abbreviation',
])

/** Kramdown::Element.category. */
export function category(el: Element): 'block' | 'span' | undefined {
  if (BLOCK_TYPES.has(el.type)) return 'block'
  if (SPAN_TYPES.has(el.type)) return 'span'
  return el.options.category
}

/**
 * `target.push(...items)` without spreading: a spread passes every item as an
 * argument, and a paragraph of a hundred thousand spans overflows the stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item)
}
