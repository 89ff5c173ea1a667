import type { EditorNode, SourceKind } from './editor-document.js'
import { parseInline, type InlineContext } from './inline-parser.js'
import { isBlank, linesText, withoutFinalBreak, type Line } from './lines.js'
import type { MarkdownInput } from './markdown-input.js'
import { MAX_NESTING } from './nesting-limit.js'
import { readPipeTable } from './pipe-table.js'

/**
 * Splits kramdown (as Jekyll reads it, GFM input) into blocks. Modelled blocks
 * become editor nodes; anything else becomes a `sourceBlock` holding its exact
 * text. Each top-level block keeps its source slice, so an untouched page is
 * rebuilt by concatenation and is byte-identical by construction.
 */

/** GFM: hashes then a space or tab, at the margin; kramdown: hashes then text, at the margin. */
const ATX_OPEN_GFM = /^(#{1,6})(?=[ \t])/
const ATX_OPEN_KRAMDOWN = /^(#{1,6})(?=[ \t]*[^ \t])/
const FENCE = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)?.*$/
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const BULLET = /^( {0,3})([*+-])([ \t]+)(?=\S)/
// kramdown knows only `1.` (a `1)` line is text).
const ORDERED = /^( {0,3})(\d{1,9})([.])([ \t]+)(?=\S)/
const BLOCK_IAL = /^ {0,3}\{:(?![:/])[^}]*\}[ \t]*$/
const ALD = /^ {0,3}\{:[\w-]+:[^}]*\}[ \t]*$/
const EXTENSION = /^ {0,3}\{::(\w+)/
const HTML_START = /^ {0,3}<(?:[a-zA-Z][\w:.-]*[\s/>]|[a-zA-Z][\w:.-]*$|\/[a-zA-Z]|!--|\?|![A-Z])/
const LIQUID_START = /^ {0,3}\{[%{]/
const LIQUID_BLOCK = /^\s*\{%-?\s*(raw|comment|highlight|capture|if|unless|for|case|tablerow)\b/
const FOOTNOTE_DEF = /^ {0,3}\[\^[^\]]+\]:/
const REFERENCE_DEF = /^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*<?(\S+?)>?(?:[ \t]+["'(](.*)["')])?[ \t]*$/
const ABBREVIATION = /^ {0,3}\*\[[^\]]+\]:/
const MATH = /^ {0,3}\$\$/
const TABLE_LINE = /^ {0,3}\|/
const DEFINITION = /^ {0,3}:[ \t]+\S/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
const INDENTED = /^( {4}|\t)/
/** kramdown's TABLE_START: a pipe anywhere on a line that begins a block (not escaped). */
const TABLE_START = /^ {0,3}(?=\S)(?:\||.*?[^\\\n]\|)/
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/
/** kramdown's setext underline: at the margin. */
const SETEXT_UNDERLINE = /^([-=])[-=]*[ \t]*$/
/**
 * A list item's first line, as kramdown's LIST_START_UL and LIST_START_OL:
 * their PATTERN_TAIL is `[\t| ]`, so a pipe after the marker opens an item
 * too (`-|2024`), as does a marker with nothing after it. The editor's lists
 * (BULLET, ORDERED) are the subset it models; a list kramdown reads from any
 * other item line stays source.
 */
const KRAMDOWN_BULLET = /^( {0,3})([+*-])[\t| ]/
const KRAMDOWN_ORDERED = /^( {0,3})(\d+\.)[\t| ]/
const LIST_LINE = /^ {0,3}(?:[+*-]|\d+\.)[\t| ]/
const INDENTED_ANY = /^[ \t]/
/** kramdown's EOB_MARKER: `^` alone ends a block. */
const EOB = /^\^[ \t]*$/
/** HTML tags that are not span elements: a line starting with one ends a paragraph (LAZY_END). */
const SPAN_TAGS =
  'a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|mark|option|q|rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strong|sub|sup|tt|u|var|script'
const HTML_LAZY_END = new RegExp(
  `^ {0,3}(?:<\\/(?!(?:${SPAN_TAGS})\\b)[a-zA-Z][\\w:.-]*[ \\t]*>|<(?!(?:${SPAN_TAGS})\\b)[a-zA-Z][\\w:.-]*)`,
)
/**
 * A line opening with an end tag: kramdown's HTML block parser declines it
 * (no element is open), so its paragraph parser reads it, and adds it to the
 * paragraph just before: such a line never ends a paragraph.
 */
const END_TAG_LINE = /^ {0,3}<\//
/** A fence line: kramdown's fence parser declines one it cannot read, and the line joins the paragraph. */
const FENCE_LINE = /^ {0,3}[~`]{3}/
/** Lines after which kramdown's paragraph (and quote) stops, whatever the input: LAZY_END. */
const LAZY_END = (text: string) =>
  text.trim() === '' || BLOCK_IAL.test(text) || EOB.test(text) || HTML_LAZY_END.test(text)
/** GFM also ends a paragraph at a list, an ATX heading, a quote or a fence (kramdown-parser-gfm's PARAGRAPH_END). */
const GFM_PARAGRAPH_END = /^(?: {0,3}(?:[+*-]|\d+\.)[\t| ]|#{1,6}[\t ]| {0,3}>| {0,3}[~`]{3})/
/** Both: a definition (`: …`) turns the paragraph before it into a definition list. */
const DEFINITION_START = /^ {0,3}:[\t| ]/

export type { MarkdownInput }

/** What block parsing needs beside the lines: the page's link definitions and the site's input. */
export interface BlockContext extends InlineContext {
  /** GFM when absent, as Jekyll. */
  input?: MarkdownInput
  /**
   * Filled when given: where each block (and list item) lies, first line and
   * end line (exclusive), in the lines its container read it from (a quote's
   * lines without `>`, an item's from its marker line on). The one-reading
   * test compares nested blocks with kramdown's by it.
   */
  positions?: Map<EditorNode, [number, number]>
}

export interface ParsedBlocks {
  nodes: EditorNode[]
  /** For each node, [first line, end line (exclusive, before trailing blank lines), next block's line]. */
  spans: [number, number, number][]
}

/** Collects `[id]: url "title"` definitions first: reference links may come before them. */
export function collectReferences(lines: Line[]): InlineContext['references'] {
  const references: InlineContext['references'] = {}
  for (const line of lines) {
    if (leadChar(line.text) !== '[') continue
    const match = REFERENCE_DEF.exec(line.text)
    if (match) references[match[1]!.toLowerCase()] = { href: match[2]!, title: match[3] ?? null }
  }
  return references
}

export function parseBlocks(
  lines: Line[],
  context: BlockContext,
  topLevel: boolean,
  /** Quotes and lists around these lines. */
  depth = 0,
): ParsedBlocks {
  const nodes: EditorNode[] = []
  const spans: [number, number, number][] = []
  let index = 0
  while (index < lines.length && isBlank(lines[index])) index++
  while (index < lines.length) {
    const start = index
    const previous = nodes[nodes.length - 1]
    // kramdown's after_block_boundary?: the page's start, a blank line, `^`, or an IAL for what follows.
    // A `^` after a list is the list's own end (kramdown's list parser takes it): no boundary.
    const beforePrevious = nodes[nodes.length - 2]
    const listEnd =
      beforePrevious !== undefined &&
      (beforePrevious.type === 'bulletList' ||
        beforePrevious.type === 'orderedList' ||
        (beforePrevious.type === 'sourceBlock' &&
          LIST_LINE.test(String(beforePrevious.attrs?.source))))
    const boundary =
      previous === undefined ||
      isBlank(lines[start - 1]) ||
      (previous.type === 'sourceBlock' &&
        (previous.attrs?.kind === 'ial' || (EOB.test(String(previous.attrs?.source)) && !listEnd)))
    const { node, end } = readBlock(lines, start, context, depth, boundary)
    let next = end
    while (next < lines.length && isBlank(lines[next])) next++
    // The node and its attributes are the parser's own new objects: set in place, not copied.
    if (topLevel) (node.attrs ??= {}).src = linesText(lines, start, next)
    nodes.push(node)
    spans.push([start, end, next])
    context.positions?.set(node, [start, end])
    index = next
  }
  return { nodes, spans }
}

function source(
  kind: SourceKind,
  lines: Line[],
  start: number,
  end: number,
): { node: EditorNode; end: number } {
  if (kind !== 'deep') {
    // HTML elements and a list's tail each take in more lines, which may hold
    // the start of the other: go on until neither grows (only new lines are
    // scanned for HTML). Html and indented code blocks found their own HTML.
    let from = kind === 'html' || kind === 'code-indented' ? end : start + 1
    for (;;) {
      const tags = throughHtml(lines, from, end, false)
      // An indented code block's lazy lines are code, a list marker among them too.
      const grown = kind === 'code-indented' ? tags : withListTail(lines, start, tags)
      if (grown === end) break
      from = end
      end = grown
    }
  }
  const text = withoutFinalBreak(linesText(lines, start, end))
  return { node: { type: 'sourceBlock', attrs: { kind, source: text } }, end }
}

/**
 * A source block whose lines hold the start of an HTML block goes on to that
 * block's end: kramdown reads it as one raw element, blank lines included, and
 * the editor must not start a block of its own inside it.
 */
function withHtml(lines: Line[], start: number, end: number): number {
  return throughHtml(lines, start + 1, end, false)
}

/**
 * A source block holding the start of a list (GFM reads one right after a
 * paragraph line) goes on while kramdown's list would: past blank lines, to
 * indented lines and further items.
 */
function withListTail(lines: Line[], start: number, end: number): number {
  // The narrowest text column of the items seen: after a blank line, kramdown's list goes on
  // only with lines indented that far (or a new item).
  let column = Infinity
  const seeItems = (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const text = lines[index]!.text
      if (LIST_LINE.test(text)) column = Math.min(column, itemColumn(text))
    }
  }
  seeItems(start + 1, end)
  if (column === Infinity) return end
  for (;;) {
    let look = end
    while (look < lines.length && isBlank(lines[look])) look++
    if (look === end || look >= lines.length) return end
    const next = lines[look]!.text
    const indent = indentWidth(next)
    if (!(indent >= column || (LIST_LINE.test(next) && !HR.test(next)))) return end
    const grown = untilBlank(lines, look)
    seeItems(look, grown)
    end = grown
  }
}

/**
 * The column an item's text starts at, as kramdown's parse_first_list_line counts it: the
 * marker with its indent, then the blanks before the text (tabs to the next multiple of 4);
 * 4 for an item with no text.
 */
function itemColumn(text: string): number {
  const match = /^( {0,3}(?:[+*-]|\d+\.))([\t| ].*)?$/.exec(text)
  if (!match) return 4
  const content = match[2] ?? ''
  if (/^[ \t]*$/.test(content) || /^[ \t]*\{:[^}]*\}[ \t]*$/.test(content)) return 4
  const blanks = /^[ \t]*/.exec(content)![0]
  return columns(match[1]! + blanks)
}

/** kramdown-parser-gfm's fence opening: the fence, then at most one word. */
const GFM_FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*\S*[ \t]*$/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const CLOSERS = new WeakMap<Line[], { backtick: number[]; tilde: number[] }>()

/**
 * Whether line `index` opens a fenced code block GFM input reads: a fence
 * (with at most one word after it) closed by a later line of at least as
 * many of the same character. Otherwise kramdown's fence parser declines it
 * and the line is paragraph text. The longest closer after each line is
 * tabled once per page, so a page of many unclosed fences stays linear.
 */
function gfmFenceOpens(lines: Line[], index: number): boolean {
  const open = GFM_FENCE_OPEN.exec(lines[index]!.text)
  if (!open) return false
  let closers = CLOSERS.get(lines)
  if (!closers) {
    closers = { backtick: new Array<number>(lines.length + 1).fill(0), tilde: [] }
    closers.tilde = closers.backtick.slice()
    for (let line = lines.length - 1; line >= 0; line--) {
      closers.backtick[line] = closers.backtick[line + 1]!
      closers.tilde[line] = closers.tilde[line + 1]!
      const lead = leadChar(lines[line]!.text)
      const close = lead === '`' || lead === '~' ? FENCE_CLOSE.exec(lines[line]!.text) : null
      if (!close) continue
      const table = close[1]![0] === '`' ? closers.backtick : closers.tilde
      table[line] = Math.max(table[line]!, close[1]!.length)
    }
    CLOSERS.set(lines, closers)
  }
  const table = open[1]![0] === '`' ? closers.backtick : closers.tilde
  return table[index + 1]! >= open[1]!.length
}

/** Ends at the first blank line (or the end). */
function untilBlank(lines: Line[], start: number): number {
  let end = start + 1
  while (end < lines.length && !isBlank(lines[end])) end++
  return end
}

function untilLine(lines: Line[], start: number, pattern: RegExp): number {
  for (let end = start + 1; end < lines.length; end++)
    if (pattern.test(lines[end]!.text)) return end + 1
  return lines.length
}

/** Attaches a block IAL written on the line right after a block. */
function withIal(
  lines: Line[],
  result: { node: EditorNode; end: number },
  start: number,
): { node: EditorNode; end: number } {
  const line = lines[result.end]
  if (!line || !BLOCK_IAL.test(line.text) || ALD.test(line.text)) return result
  // kramdown merges a second IAL into the same block: more than the editor keeps.
  const next = lines[result.end + 1]
  if (next && BLOCK_IAL.test(next.text))
    return source('other', lines, start, untilBlank(lines, result.end))
  result.node.attrs = { ...result.node.attrs, ial: line.text.trim() }
  return { node: result.node, end: result.end + 1 }
}

/** The blocks inside a quote or list item; past the nesting limit, one source block of their text. */
function parseInner(lines: Line[], context: BlockContext, depth: number): EditorNode[] {
  if (depth <= MAX_NESTING) return parseBlocks(lines, context, false, depth).nodes
  let start = 0
  while (start < lines.length && isBlank(lines[start])) start++
  if (start === lines.length) return []
  return [source('deep', lines, start, lines.length).node]
}

function readBlock(
  lines: Line[],
  start: number,
  context: BlockContext,
  depth: number,
  boundary: boolean,
): { node: EditorNode; end: number } {
  const text = lines[start]!.text
  const gfm = context.input !== 'kramdown'
  // Each kind below opens with its own character, after at most three spaces (or at the
  // margin): its pattern is tried only on a line with that character there. Most lines
  // are text, which no pattern needs to be tried on.
  const lead = leadChar(text)
  const brace = lead === '{'
  const bracket = lead === '['

  const fence = lead === '`' || lead === '~' ? FENCE.exec(text) : null
  // kramdown's own input fences with `~~~` at the margin only: any other fence is its text.
  if (fence && !gfm && !/^~{3}/.test(text)) {
    const closing = new RegExp(`^ {0,3}${fence[2]![0] === '`' ? '`' : '~'}{${fence[2]!.length},}`)
    let end = untilLine(lines, start, closing)
    while (end < lines.length && !isBlank(lines[end])) end++
    return source('other', lines, start, end)
  }
  // GFM input reads only a well-formed, closed fence: any other is source.
  if (fence && !gfmFenceOpens(lines, start))
    return source('other', lines, start, untilBlank(lines, start))
  if (fence) {
    const marker = fence[2]!
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)
    let end = start + 1
    while (end < lines.length && !closing.test(lines[end]!.text)) end++
    const closed = end < lines.length
    const code = withoutFinalBreak(linesText(lines, start + 1, end))
    end = closed ? end + 1 : end
    if (!closed) return source('other', lines, start, end)
    return withIal(
      lines,
      {
        node: {
          type: 'codeBlock',
          attrs: {
            language: fence[3] || null,
            fence: marker,
            info: text.trim().slice(marker.length),
          },
          content: code ? [{ type: 'text', text: code.replace(/\r\n?/g, '\n') }] : [],
        },
        end,
      },
      start,
    )
  }

  // kramdown tries a setext heading before these kinds: any such line over `---` is a heading's text.
  if (
    boundary &&
    SETEXT_UNDERLINE.test(lines[start + 1]?.text ?? '') &&
    !/^[ \t]/.test(text) &&
    (EXTENSION.test(text) ||
      BLOCK_IAL.test(text) ||
      MATH.test(text) ||
      LIQUID_START.test(text) ||
      FOOTNOTE_DEF.test(text) ||
      ABBREVIATION.test(text) ||
      REFERENCE_DEF.test(text) ||
      TABLE_LINE.test(text) ||
      EOB.test(text))
  )
    return source('other', lines, start, untilBlank(lines, start))
  if (brace && EXTENSION.test(text)) {
    const name = EXTENSION.exec(text)![1]!
    if (/\/\}[ \t]*$/.test(text)) return source('extension', lines, start, start + 1)
    return source(
      'extension',
      lines,
      start,
      untilLine(lines, start - 1, new RegExp(`\\{:/(${name})?\\}`)),
    )
  }
  if (brace && ALD.test(text)) return source('ald', lines, start, start + 1)
  if (brace && BLOCK_IAL.test(text)) return source('ial', lines, start, start + 1)
  if (lead === '$' && MATH.test(text)) {
    const oneLine = /^ {0,3}\$\$.*\$\$[ \t]*$/.test(text) && text.trim().length > 4
    return source(
      'math',
      lines,
      start,
      oneLine ? start + 1 : untilLine(lines, start, /\$\$[ \t]*$/),
    )
  }
  if (brace && LIQUID_START.test(text)) {
    const tag = LIQUID_BLOCK.exec(text)?.[1]
    let end = untilBlank(lines, start)
    if (tag && !new RegExp(`\\{%-?\\s*end${tag}\\b`).test(text)) {
      const close = untilLine(lines, start, new RegExp(`\\{%-?\\s*end${tag}\\b`))
      end = Math.max(end, close)
      while (end < lines.length && !isBlank(lines[end])) end++
    }
    return source('liquid', lines, start, end)
  }
  if (lead === '<' && HTML_START.test(text))
    return source('html', lines, start, htmlEnd(lines, start))
  if (bracket && FOOTNOTE_DEF.test(text))
    return source('footnote', lines, start, indentedContinuation(lines, start))
  if (lead === '*' && ABBREVIATION.test(text))
    return source('abbreviation', lines, start, start + 1)
  if (bracket && REFERENCE_DEF.test(text)) return source('reference', lines, start, start + 1)
  // kramdown's LINK_DEFINITION_START takes any text as the target (`{{ site.url }}/x`).
  if (bracket && LINK_DEFINITION.test(text))
    return source('reference', lines, start, untilBlank(lines, start))
  if (lead === '|' && TABLE_LINE.test(text)) return table(lines, start, context, boundary)
  if (text[0] === '^' && EOB.test(text)) return source('other', lines, start, start + 1)
  if (INDENTED.test(text)) {
    let end = start + 1
    while (end < lines.length && (INDENTED.test(lines[end]!.text) || isBlank(lines[end]))) end++
    while (end > start + 1 && isBlank(lines[end - 1])) end--
    // kramdown's code block takes lazy lines after it too (CODEBLOCK_MATCH), up to a block
    // IAL, an end-of-block marker or a line opening or closing a block HTML element.
    while (
      end < lines.length &&
      !isBlank(lines[end]) &&
      !BLOCK_IAL.test(lines[end]!.text) &&
      !EOB.test(lines[end]!.text) &&
      !HTML_LAZY_END.test(lines[end]!.text)
    )
      end++
    // A block IAL right after it is the code block's own (kramdown applies it backwards).
    if (end < lines.length && BLOCK_IAL.test(lines[end]!.text) && !ALD.test(lines[end]!.text)) end++
    return source('code-indented', lines, start, withHtml(lines, start, end))
  }

  const atx = text[0] === '#' ? atxHeading(text, gfm) : null
  // `###` alone: kramdown reads fewer hashes and the rest as the title; shown as source.
  // Without a blank line before it, kramdown's own input reads no heading (GFM does).
  if (atx && ((!gfm && !boundary) || !/[^#\s]/.test(atx.content)))
    return source('other', lines, start, untilBlank(lines, start))
  if (atx) {
    const closing = /[ \t]#+[ \t]*$/.test(text)
    return withIal(
      lines,
      {
        node: {
          type: 'heading',
          attrs: { level: atx.level, style: closing ? 'atx-closed' : 'atx' },
          content: parseInline(atx.content, context),
        },
        end: start + 1,
      },
      start,
    )
  }
  if ((lead === '-' || lead === '*' || lead === '_') && HR.test(text)) {
    return withIal(
      lines,
      {
        node: { type: 'horizontalRule', attrs: { markup: text } },
        end: start + 1,
      },
      start,
    )
  }
  if (lead === '>') return withIal(lines, readQuote(lines, start, context, depth), start)
  if (LIST_LINE.test(text)) return withIal(lines, readList(lines, start, context, depth), start)
  // A pipe on the first line of a block: kramdown's table (never paragraph text).
  if (text.includes('|') && TABLE_START.test(text)) return table(lines, start, context, boundary)
  return readParagraph(lines, start, context, boundary)
}

/** A pipe table the editor models (kramdown reads one only after a block boundary), else source. */
function table(
  lines: Line[],
  start: number,
  context: BlockContext,
  boundary: boolean,
): { node: EditorNode; end: number } {
  const end = untilBlank(lines, start)
  const node = boundary ? readPipeTable(lines, start, end, context) : null
  return node ? { node, end } : source('table', lines, start, end)
}

/**
 * Raw HTML as kramdown reads it (no `markdown="1"`): up to the element's end
 * tag, across blank lines, so Markdown inside `<details>` stays raw; then on
 * to the next blank line.
 */
function htmlEnd(lines: Line[], start: number): number {
  return throughHtml(lines, start, untilBlank(lines, start), true)
}

/**
 * Extends `end` over every HTML element starting on a line in [from, end),
 * then (once extended, or when `toBlank`) on to the next blank line.
 */
function throughHtml(lines: Line[], from: number, end: number, toBlank: boolean): number {
  let index = from
  let extended = toBlank
  while (index < lines.length && (index < end || (extended && !isBlank(lines[index])))) {
    if (HTML_START.test(lines[index]!.text)) {
      const close = elementEnd(lines, index)
      if (close > end) {
        end = close
        extended = true
      }
    }
    index++
  }
  return Math.max(index, end)
}

/** The line after the end of the element (or comment) that starts on line `start`. */
function elementEnd(lines: Line[], start: number): number {
  const text = lines[start]!.text
  if (/^ {0,3}<!--/.test(text))
    return text.includes('-->') ? start + 1 : untilLine(lines, start, /-->/)
  const name = /^ {0,3}<([a-zA-Z][\w:.-]*)/.exec(text)?.[1]
  const events = name ? tagEvents(lines).get(name.toLowerCase()) : undefined
  if (!events) return start + 1
  // The event on this line, then the first later one where the depth is back to what it was.
  let low = 0
  let high = events.lines.length - 1
  while (low < high) {
    const mid = (low + high) >> 1
    if (events.lines[mid]! < start) low = mid + 1
    else high = mid
  }
  const closing = events.next[low]!
  if (closing >= 0) return events.lines[closing - 1]! + 1
  // No end tag: kramdown auto-closes a block element at the end of the text it parses, so
  // it holds everything after it; a void, self-closed or span element ends on its line.
  const selfClosed = new RegExp(`^ {0,3}<${name}\\b[^>]*/>`).test(text)
  return selfClosed || VOID_TAGS.test(name!) || new RegExp(`^(?:${SPAN_TAGS})$`, 'i').test(name!)
    ? start + 1
    : lines.length
}

/** HTML's void elements: no content, no end tag. */
const VOID_TAGS = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/i

/**
 * For each tag name, the lines where its elements open or close, the depth
 * before each (`depth[i]`, `depth[0]` = 0) and, for each, the next event whose
 * depth is no higher (`next`, -1 for none): every element's end tag is then
 * found in constant time, so a page of ten thousand unclosed `<div>` stays linear.
 */
interface TagEvents {
  lines: number[]
  depth: number[]
  next: number[]
}

const TAG_EVENTS = new WeakMap<Line[], Map<string, TagEvents>>()
const TAG = /<(\/?)([a-zA-Z][\w:.-]*)/g

function tagEvents(lines: Line[]): Map<string, TagEvents> {
  const cached = TAG_EVENTS.get(lines)
  if (cached) return cached
  const events = new Map<string, TagEvents>()
  lines.forEach((line, index) => {
    if (!line.text.includes('<')) return
    TAG.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = TAG.exec(line.text)) !== null) {
      const after = line.text.slice(TAG.lastIndex)
      const close = match[1] === '/'
      // As kramdown's HTML parser: `<name` then a space, `/`, `>` or the line's end; `</name>`.
      if (close ? !/^\s*>/.test(after) : !/^(?:[\s/>]|$)/.test(after)) continue
      const name = match[2]!.toLowerCase()
      let entry = events.get(name)
      if (!entry) events.set(name, (entry = { lines: [], depth: [0], next: [] }))
      const last = entry.lines.length - 1
      const delta = close ? -1 : 1
      if (entry.lines[last] === index) entry.depth[last + 1]! += delta
      else {
        entry.lines.push(index)
        entry.depth.push(entry.depth[entry.depth.length - 1]! + delta)
      }
    }
  })
  for (const entry of events.values()) {
    // Next smaller-or-equal depth, by a stack from the right.
    const stack: number[] = []
    entry.next = new Array<number>(entry.depth.length).fill(-1)
    for (let index = entry.depth.length - 1; index >= 0; index--) {
      while (stack.length && entry.depth[stack[stack.length - 1]!]! > entry.depth[index]!)
        stack.pop()
      if (stack.length) entry.next[index] = stack[stack.length - 1]!
      stack.push(index)
    }
  }
  TAG_EVENTS.set(lines, events)
  return events
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t'

/**
 * The character after the line's first spaces, three at most: where a
 * pattern written ` {0,3}X` must find its `X` (a space when the line is
 * indented four or more, which no such X is).
 */
function leadChar(text: string): string | undefined {
  let index = 0
  while (index < 3 && text.charCodeAt(index) === 0x20) index++
  return text[index]
}

/**
 * `# Title #`: level and text, closing hashes and spaces either side left out.
 * Done by hand: the regular expressions for it (`[ \t]+(.*?)[ \t]*$`) backtrack
 * quadratically on a long run of spaces.
 */
function atxHeading(text: string, gfm: boolean): { level: number; content: string } | null {
  const open = (gfm ? ATX_OPEN_GFM : ATX_OPEN_KRAMDOWN).exec(text)
  // `.` in the former pattern stopped at these separators: such a line is no heading.
  if (!open || /[\u2028\u2029]/.test(text)) return null
  let start = open[0].length
  let end = text.length
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--
  let hashes = end
  while (hashes > start && text[hashes - 1] === '#') hashes--
  if (hashes < end && hashes > start && isSpace(text[hashes - 1])) {
    end = hashes
    while (end > start && isSpace(text[end - 1])) end--
  }
  return { level: open[1]!.length, content: text.slice(start, end) }
}

function indentedContinuation(lines: Line[], start: number): number {
  let end = start + 1
  for (;;) {
    while (end < lines.length && !isBlank(lines[end]) && !FOOTNOTE_DEF.test(lines[end]!.text)) end++
    let look = end
    while (look < lines.length && isBlank(lines[look])) look++
    if (look < lines.length && look > end && INDENTED.test(lines[look]!.text)) {
      end = look + 1
      continue
    }
    return end
  }
}

/** Lines that end a paragraph without a blank line, as kramdown's PARAGRAPH_END for the input. */
function endsParagraph(text: string, gfm: boolean): boolean {
  return LAZY_END(text) || DEFINITION_START.test(text) || (gfm && GFM_PARAGRAPH_END.test(text))
}

/**
 * What a line must start with (after at most three spaces, or at the margin)
 * to end a paragraph or change it: a definition, a setext underline, an IAL,
 * HTML, a list, a fence, a quote, a heading, `^`.
 */
const PARAGRAPH_MARKS = '{^<:`~+*-#>=0123456789'

/** A line that goes on with the paragraph before it: none of the patterns below can match it. */
function plainParagraphLine(text: string): boolean {
  const lead = leadChar(text)
  // Not blank either: a character `trim` keeps.
  return lead !== undefined && !PARAGRAPH_MARKS.includes(lead) && lead.trim() !== ''
}

/** Whether line `index` goes on with the paragraph above it (or turns it into something else). */
function continuesParagraph(lines: Line[], index: number, gfm: boolean): boolean {
  const text = lines[index]!.text
  return (
    !isBlank(lines[index]) &&
    !(DEFINITION_START.test(text) && !DEFINITION.test(text)) &&
    (DEFINITION.test(text) ||
      END_TAG_LINE.test(text) ||
      (gfm && FENCE_LINE.test(text) && !gfmFenceOpens(lines, index)) ||
      !endsParagraph(text, gfm))
  )
}

/** A paragraph, read the same way at any depth: kramdown parses a quote's or an item's text as a page. */
function readParagraph(
  lines: Line[],
  start: number,
  context: BlockContext,
  boundary: boolean,
): { node: EditorNode; end: number } {
  const gfm = context.input !== 'kramdown'
  let end = start + 1
  for (;;) {
    // Most lines go on with the paragraph whatever follows their first character.
    if (end < lines.length && plainParagraphLine(lines[end]!.text)) {
      end++
      continue
    }
    if (end >= lines.length || !continuesParagraph(lines, end, gfm)) break
    if (DEFINITION.test(lines[end]!.text))
      return source('definition-list', lines, start, definitionEnd(lines, end))
    if (SETEXT.test(lines[end]!.text) && end === start + 1) {
      const underline = lines[end]!.text.trim()
      // kramdown's setext heading: after a block boundary, its underline at the margin.
      if (!boundary || !/^[-=]/.test(lines[end]!.text))
        return source('other', lines, start, untilBlank(lines, start))
      if (end === start + 1) {
        return withIal(
          lines,
          {
            node: {
              type: 'heading',
              attrs: {
                level: underline.startsWith('=') ? 1 : 2,
                style: 'setext',
                underline: lines[end]!.text,
              },
              content: parseInline(lines[start]!.text.trim(), context),
            },
            end: end + 1,
          },
          start,
        )
      }
      break
    }
    end++
  }
  if (termOfDefinition(lines, end - 1))
    return source('definition-list', lines, start, definitionEnd(lines, end + 1))
  let text = lines[start]!.text
  for (let index = start + 1; index < end; index++) text += '\n' + lines[index]!.text
  return withIal(
    lines,
    { node: { type: 'paragraph', content: parseInline(text, context) }, end },
    start,
  )
}

/** A paragraph right before a `: definition` line: one more term of the same definition list. */
function termOfDefinition(lines: Line[], from: number): boolean {
  let index = from + 1
  for (; index < lines.length && !isBlank(lines[index]); index++)
    if (DEFINITION_START.test(lines[index]!.text)) return true
  // kramdown allows one blank line between the term and its definition.
  return isBlank(lines[index]) && DEFINITION_START.test(lines[index + 1]?.text ?? '')
}

function definitionEnd(lines: Line[], from: number): number {
  let end = from
  for (;;) {
    while (end < lines.length && !isBlank(lines[end])) end++
    let look = end
    while (look < lines.length && isBlank(lines[look])) look++
    if (
      look < lines.length &&
      (DEFINITION.test(lines[look]!.text) ||
        INDENTED_ANY.test(lines[look]!.text) ||
        termOfDefinition(lines, look))
    ) {
      end = look
      continue
    }
    return end
  }
}

function readQuote(
  lines: Line[],
  start: number,
  context: BlockContext,
  depth: number,
): { node: EditorNode; end: number } {
  let end = start
  const inner: Line[] = []
  while (end < lines.length) {
    const line = lines[end]!
    if (/^ {0,3}>/.test(line.text)) {
      inner.push({ text: line.text.replace(/^ {0,3}> ?/, ''), eol: line.eol })
    } else if (end > start && !isBlank(lines[end - 1]) && !LAZY_END(line.text)) {
      inner.push(line) // lazy continuation: kramdown's quote runs to LAZY_END
    } else break
    end++
  }
  const nodes = parseInner(inner, context, depth + 1)
  // `>` with nothing after it: kramdown's empty quote, which the schema cannot hold.
  if (nodes.length === 0) return source('other', lines, start, end)
  const marker = /^ {0,3}>( ?)/.exec(lines[start]!.text)![1]
  return { node: { type: 'blockquote', attrs: { space: marker === ' ' }, content: nodes }, end }
}

function readList(
  lines: Line[],
  start: number,
  context: BlockContext,
  depth: number,
): { node: EditorNode; end: number } {
  const first = lines[start]!.text
  const ordered = KRAMDOWN_ORDERED.test(first)
  const modelled = ordered ? ORDERED : BULLET
  const kramdownItem = ordered ? KRAMDOWN_ORDERED : KRAMDOWN_BULLET
  /** An item line kramdown reads and the editor's list does not model: the list stays source. */
  let unmodelled = false
  const items: EditorNode[] = []
  let end = start
  let loose = false
  let marker = ''
  let startNumber = 1
  while (end < lines.length) {
    const text = lines[end]!.text
    const match = modelled.exec(text)
    const kramdownOnly = match ? null : kramdownItem.exec(text)
    if (!match && !kramdownOnly) break
    if (kramdownOnly) unmodelled = true
    // kramdown's item text starts after the marker and any blanks (a pipe is text).
    const prefix = match ? match[0] : /^ *\S+[ \t]*/.exec(text)![0].replace(/\|.*$/, '')
    if (match && items.length === 0) {
      marker = ordered ? match[3]! : match[2]!
      startNumber = ordered ? Number(match[2]) : 1
    }
    // kramdown goes on with the list whatever bullet the next item uses.
    // kramdown's parse_first_list_line: an item holding only an IAL has its text at column 4.
    const contentIndent = /^\{:[^}]*\}[ \t]*$/.test(text.slice(prefix.length)) ? 4 : columns(prefix)
    // kramdown's fetch_pattern: the next item's marker stands left of this item's text.
    const maxIndent = contentIndent >= 4 ? 3 : contentIndent - 1
    const nextItem = (line: string, afterBlank: boolean) =>
      kramdownItem.test(line) && leadingSpaces(line) <= maxIndent && !(afterBlank && HR.test(line))
    const body: Line[] = [{ text: text.slice(prefix.length), eol: lines[end]!.eol }]
    // kramdown reads an item's text in chunks: an indented list line right
    // after text (before any blank line or other sublist) opens a new one, so
    // with either input the sublist starts there, as a new block.
    const chunks = [0]
    let nestedFound = LIST_LINE.test(body[0]!.text)
    let cursor = end + 1
    for (;;) {
      while (cursor < lines.length && !isBlank(lines[cursor])) {
        const line = lines[cursor]!
        const indent = indentWidth(line.text)
        // Any other line goes on with the item (kramdown's lazy lines) but these.
        if (
          EOB.test(line.text) ||
          (indent < contentIndent &&
            (nextItem(line.text, false) ||
              BLOCK_IAL.test(line.text) ||
              HTML_LAZY_END.test(line.text)))
        )
          break
        // kramdown strips an item's indentation from its indented lines only: lazy ones stay whole.
        let stripped = indent >= contentIndent ? stripIndent(line.text, contentIndent) : line.text
        if (!nestedFound && indent >= contentIndent && LIST_LINE.test(stripped)) {
          chunks.push(body.length)
          nestedFound = true
        } else if (nestedFound && indent < contentIndent && LIST_LINE.test(line.text)) {
          // A lazy list line after a sublist: kramdown indents it past the sublist's items.
          stripped = ' '.repeat(contentIndent + 4) + line.text
        }
        body.push({ text: stripped, eol: line.eol })
        cursor++
      }
      let look = cursor
      while (look < lines.length && isBlank(lines[look])) look++
      const nextLine = lines[look]
      if (look > cursor && nextLine) {
        const indent = indentWidth(nextLine.text)
        // After a blank line a rule ends the list, however far it is indented.
        if (indent >= contentIndent && !HR.test(nextLine.text)) {
          nestedFound = true
          for (let blank = cursor; blank < look; blank++)
            body.push({ text: '', eol: lines[blank]!.eol })
          loose = true
          cursor = look
          continue
        }
      }
      break
    }
    const nodes = chunks.flatMap((from, index) => {
      const chunk = parseInner(body.slice(from, chunks[index + 1]), context, depth + 1)
      // Positions are read from the item's first line.
      for (const node of chunk) {
        const at = context.positions?.get(node)
        if (at) context.positions!.set(node, [at[0] + from, at[1] + from])
      }
      return chunk
    })
    const listItem = { type: 'listItem', content: nodes.length ? nodes : [{ type: 'paragraph' }] }
    // Read from the list's first line: the list itself may be moved into its item's lines.
    context.positions?.set(listItem, [end - start, cursor - start])
    items.push(listItem)
    let look = cursor
    while (look < lines.length && isBlank(lines[look])) look++
    const sameList = look < lines.length && nextItem(lines[look]!.text, look > cursor)
    if (sameList && look > cursor) loose = true
    end = sameList ? look : cursor
    if (!sameList) break
  }
  if (unmodelled) {
    const text = withoutFinalBreak(linesText(lines, start, end))
    return { node: { type: 'sourceBlock', attrs: { kind: 'other', source: text } }, end }
  }
  const firstPrefix = modelled.exec(first)!
  const attrs: Record<string, unknown> = {
    marker,
    indent: firstPrefix[1]!.length,
    spacing: (ordered ? firstPrefix[4] : firstPrefix[3])!,
    tight: !loose,
  }
  if (ordered) attrs.start = startNumber
  // An item must open with a paragraph in the editor's schema; one that opens
  // with what the editor keeps as source (a line kramdown reads as a table) is
  // not modelled: the whole list stays source, exactly as written.
  // (Past the nesting limit it stays the `deep` kind, which says why.)
  const opening = items.map((item) => item.content?.[0]).find((node) => node?.type !== 'paragraph')
  if (opening) {
    const text = withoutFinalBreak(linesText(lines, start, end))
    const kind = opening.attrs?.kind === 'deep' ? 'deep' : 'other'
    return { node: { type: 'sourceBlock', attrs: { kind, source: text } }, end }
  }
  return { node: { type: ordered ? 'orderedList' : 'bulletList', attrs, content: items }, end }
}

function leadingSpaces(text: string): number {
  let count = 0
  while (text.charCodeAt(count) === 0x20) count++
  return count
}

/** The width of the line's leading blanks, a tab counted as four spaces (not to the next tab stop). */
function indentWidth(text: string): number {
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x20) width++
    else if (char === 0x09) width += 4
    else break
  }
  return width
}

/** The column a line's prefix ends at, tabs to the next multiple of 4 (kramdown's parse_first_list_line). */
function columns(prefix: string): number {
  let column = 0
  for (const char of prefix) column = char === '\t' ? column + 4 - (column % 4) : column + 1
  return column
}

function stripIndent(text: string, width: number): string {
  let removed = 0
  let index = 0
  while (index < text.length && removed < width && (text[index] === ' ' || text[index] === '\t')) {
    removed += text[index] === '\t' ? 4 : 1
    index++
  }
  return text.slice(index)
}
