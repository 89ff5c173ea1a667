import type { EditorNode, SourceKind } from './editor-document.js'
import { parseInline, type InlineContext } from './inline-parser.js'
import { isBlank, joinLines, type Line } from './lines.js'
import { MAX_NESTING } from './nesting-limit.js'

/**
 * Splits kramdown (as Jekyll reads it, GFM input) into blocks. Modelled blocks
 * become editor nodes; anything else becomes a `sourceBlock` holding its exact
 * text. Each top-level block keeps its source slice, so an untouched page is
 * rebuilt by concatenation and is byte-identical by construction.
 */

const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/
const FENCE = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)?.*$/
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const BULLET = /^( {0,3})([*+-])([ \t]+)(?=\S)/
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+)(?=\S)/
const BLOCK_IAL = /^ {0,3}\{:(?!:)[^}]*\}[ \t]*$/
const ALD = /^ {0,3}\{:[\w-]+:[^}]*\}[ \t]*$/
const EXTENSION = /^ {0,3}\{::(\w+)/
const HTML_START = /^ {0,3}<(?:[a-zA-Z][\w-]*[\s/>]|[a-zA-Z][\w-]*$|\/[a-zA-Z]|!--|\?|![A-Z])/
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

export interface ParsedBlocks {
  nodes: EditorNode[]
  /** For each node, [first line, end line (exclusive, before trailing blank lines), next block's line]. */
  spans: [number, number, number][]
}

/** Collects `[id]: url "title"` definitions first: reference links may come before them. */
export function collectReferences(lines: Line[]): InlineContext['references'] {
  const references: InlineContext['references'] = {}
  for (const line of lines) {
    const match = REFERENCE_DEF.exec(line.text)
    if (match) references[match[1]!.toLowerCase()] = { href: match[2]!, title: match[3] ?? null }
  }
  return references
}

export function parseBlocks(
  lines: Line[],
  context: InlineContext,
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
    const { node, end } = readBlock(lines, start, context, !topLevel, depth)
    let next = end
    while (next < lines.length && isBlank(lines[next])) next++
    if (topLevel) {
      node.attrs = { ...node.attrs, src: joinLines(lines.slice(start, next)) }
    }
    nodes.push(node)
    spans.push([start, end, next])
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
  const text = joinLines(lines.slice(start, end)).replace(/(\r\n|\n|\r)$/, '')
  return { node: { type: 'sourceBlock', attrs: { kind, source: text } }, end }
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
): { node: EditorNode; end: number } {
  const line = lines[result.end]
  if (!line || !BLOCK_IAL.test(line.text) || ALD.test(line.text)) return result
  result.node.attrs = { ...result.node.attrs, ial: line.text.trim() }
  return { node: result.node, end: result.end + 1 }
}

/** The blocks inside a quote or list item; past the nesting limit, one source block of their text. */
function parseInner(lines: Line[], context: InlineContext, depth: number): EditorNode[] {
  if (depth <= MAX_NESTING) return parseBlocks(lines, context, false, depth).nodes
  let start = 0
  while (start < lines.length && isBlank(lines[start])) start++
  if (start === lines.length) return []
  return [source('deep', lines, start, lines.length).node]
}

function readBlock(
  lines: Line[],
  start: number,
  context: InlineContext,
  nested: boolean,
  depth: number,
): { node: EditorNode; end: number } {
  const text = lines[start]!.text

  const fence = FENCE.exec(text)
  if (fence) {
    const marker = fence[2]!
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)
    let end = start + 1
    while (end < lines.length && !closing.test(lines[end]!.text)) end++
    const closed = end < lines.length
    const code = joinLines(lines.slice(start + 1, end)).replace(/(\r\n|\n|\r)$/, '')
    end = closed ? end + 1 : end
    if (!closed) return source('other', lines, start, end)
    return withIal(lines, {
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
    })
  }

  if (EXTENSION.test(text)) {
    const name = EXTENSION.exec(text)![1]!
    if (/\/\}[ \t]*$/.test(text)) return source('extension', lines, start, start + 1)
    return source(
      'extension',
      lines,
      start,
      untilLine(lines, start - 1, new RegExp(`\\{:/(${name})?\\}`)),
    )
  }
  if (ALD.test(text)) return source('ald', lines, start, start + 1)
  if (BLOCK_IAL.test(text)) return source('ial', lines, start, start + 1)
  if (MATH.test(text)) {
    const oneLine = /^ {0,3}\$\$.*\$\$[ \t]*$/.test(text) && text.trim().length > 4
    return source(
      'math',
      lines,
      start,
      oneLine ? start + 1 : untilLine(lines, start, /\$\$[ \t]*$/),
    )
  }
  if (LIQUID_START.test(text)) {
    const tag = LIQUID_BLOCK.exec(text)?.[1]
    let end = untilBlank(lines, start)
    if (tag && !new RegExp(`\\{%-?\\s*end${tag}\\b`).test(text)) {
      const close = untilLine(lines, start, new RegExp(`\\{%-?\\s*end${tag}\\b`))
      end = Math.max(end, close)
      while (end < lines.length && !isBlank(lines[end])) end++
    }
    return source('liquid', lines, start, end)
  }
  if (HTML_START.test(text)) {
    if (/^ {0,3}<!--/.test(text) && !text.includes('-->')) {
      const close = untilLine(lines, start, /-->/)
      let end = close
      while (end < lines.length && !isBlank(lines[end])) end++
      return source('html', lines, start, end)
    }
    return source('html', lines, start, untilBlank(lines, start))
  }
  if (FOOTNOTE_DEF.test(text))
    return source('footnote', lines, start, indentedContinuation(lines, start))
  if (ABBREVIATION.test(text)) return source('abbreviation', lines, start, start + 1)
  if (REFERENCE_DEF.test(text)) return source('reference', lines, start, start + 1)
  if (TABLE_LINE.test(text)) return source('table', lines, start, untilBlank(lines, start))
  if (INDENTED.test(text)) {
    let end = start + 1
    while (end < lines.length && (INDENTED.test(lines[end]!.text) || isBlank(lines[end]))) end++
    while (end > start + 1 && isBlank(lines[end - 1])) end--
    return source('code-indented', lines, start, end)
  }

  const atx = atxHeading(text)
  if (atx) {
    const closing = /[ \t]#+[ \t]*$/.test(text)
    return withIal(lines, {
      node: {
        type: 'heading',
        attrs: { level: atx.level, style: closing ? 'atx-closed' : 'atx' },
        content: parseInline(atx.content, context),
      },
      end: start + 1,
    })
  }
  if (HR.test(text)) {
    return withIal(lines, {
      node: { type: 'horizontalRule', attrs: { markup: text } },
      end: start + 1,
    })
  }
  if (/^ {0,3}>/.test(text)) return withIal(lines, readQuote(lines, start, context, depth))
  if (BULLET.test(text) || ORDERED.test(text))
    return withIal(lines, readList(lines, start, context, depth))
  return readParagraph(lines, start, context, nested)
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t'

/**
 * `# Title #`: level and text, closing hashes and spaces either side left out.
 * Done by hand: the regular expressions for it (`[ \t]+(.*?)[ \t]*$`) backtrack
 * quadratically on a long run of spaces.
 */
function atxHeading(text: string): { level: number; content: string } | null {
  const open = ATX_OPEN.exec(text)
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

/** Lines that end a paragraph without a blank line. */
function interrupts(text: string): boolean {
  return (
    atxHeading(text) !== null ||
    FENCE.test(text) ||
    BLOCK_IAL.test(text) ||
    /^ {0,3}>/.test(text) ||
    (HR.test(text) && !/^ {0,3}-+[ \t]*$/.test(text)) ||
    EXTENSION.test(text)
  )
}

/** Inside a list item a nested list may start right after a line of text, as kramdown allows. */
function readParagraph(
  lines: Line[],
  start: number,
  context: InlineContext,
  nested: boolean,
): { node: EditorNode; end: number } {
  let end = start + 1
  while (
    end < lines.length &&
    !isBlank(lines[end]) &&
    !interrupts(lines[end]!.text) &&
    !(nested && (BULLET.test(lines[end]!.text) || ORDERED.test(lines[end]!.text)))
  ) {
    if (DEFINITION.test(lines[end]!.text))
      return source('definition-list', lines, start, definitionEnd(lines, end))
    if (SETEXT.test(lines[end]!.text)) {
      const underline = lines[end]!.text.trim()
      if (end === start + 1) {
        return withIal(lines, {
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
        })
      }
      break
    }
    if (TABLE_LINE.test(lines[end]!.text) && end === start + 1 && /\|/.test(lines[start]!.text)) {
      return source('table', lines, start, untilBlank(lines, start))
    }
    end++
  }
  const text = lines
    .slice(start, end)
    .map((line, index, all) => line.text + (index < all.length - 1 ? '\n' : ''))
    .join('')
  return withIal(lines, { node: { type: 'paragraph', content: parseInline(text, context) }, end })
}

function definitionEnd(lines: Line[], from: number): number {
  let end = from
  for (;;) {
    while (end < lines.length && !isBlank(lines[end])) end++
    let look = end
    while (look < lines.length && isBlank(lines[look])) look++
    if (
      look < lines.length &&
      (DEFINITION.test(lines[look]!.text) || INDENTED.test(lines[look]!.text))
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
  context: InlineContext,
  depth: number,
): { node: EditorNode; end: number } {
  let end = start
  const inner: Line[] = []
  while (end < lines.length) {
    const line = lines[end]!
    if (/^ {0,3}>/.test(line.text)) {
      inner.push({ text: line.text.replace(/^ {0,3}> ?/, ''), eol: line.eol })
    } else if (
      !isBlank(line) &&
      end > start &&
      !isBlank(lines[end - 1]) &&
      !interrupts(line.text)
    ) {
      inner.push(line) // lazy continuation
    } else break
    end++
  }
  const nodes = parseInner(inner, context, depth + 1)
  const marker = /^ {0,3}>( ?)/.exec(lines[start]!.text)![1]
  return { node: { type: 'blockquote', attrs: { space: marker === ' ' }, content: nodes }, end }
}

function readList(
  lines: Line[],
  start: number,
  context: InlineContext,
  depth: number,
): { node: EditorNode; end: number } {
  const first = lines[start]!.text
  const ordered = ORDERED.test(first)
  const items: EditorNode[] = []
  let end = start
  let loose = false
  let marker = ''
  let startNumber = 1
  while (end < lines.length) {
    const text = lines[end]!.text
    const match = ordered ? ORDERED.exec(text) : BULLET.exec(text)
    if (!match) break
    const prefix = match[0]
    if (items.length === 0) {
      marker = ordered ? match[3]! : match[2]!
      startNumber = ordered ? Number(match[2]) : 1
    } else if (!ordered && match[2] !== marker) break
    const contentIndent = prefix.length
    const body: Line[] = [{ text: text.slice(prefix.length), eol: lines[end]!.eol }]
    let cursor = end + 1
    for (;;) {
      while (cursor < lines.length && !isBlank(lines[cursor])) {
        const line = lines[cursor]!
        const indent = /^[ \t]*/.exec(line.text)![0].replace(/\t/g, '    ').length
        if (
          indent < contentIndent &&
          ((ordered ? ORDERED : BULLET).test(line.text) || interrupts(line.text))
        )
          break
        body.push({ text: stripIndent(line.text, contentIndent), eol: line.eol })
        cursor++
      }
      let look = cursor
      while (look < lines.length && isBlank(lines[look])) look++
      const nextLine = lines[look]
      if (look > cursor && nextLine) {
        const indent = /^[ \t]*/.exec(nextLine.text)![0].replace(/\t/g, '    ').length
        if (indent >= contentIndent) {
          for (let blank = cursor; blank < look; blank++)
            body.push({ text: '', eol: lines[blank]!.eol })
          loose = true
          cursor = look
          continue
        }
      }
      break
    }
    const nodes = parseInner(body, context, depth + 1)
    items.push({ type: 'listItem', content: nodes.length ? nodes : [{ type: 'paragraph' }] })
    let look = cursor
    while (look < lines.length && isBlank(lines[look])) look++
    const sameList = look < lines.length && (ordered ? ORDERED : BULLET).test(lines[look]!.text)
    if (sameList && look > cursor) loose = true
    end = sameList ? look : cursor
    if (!sameList) break
  }
  const firstPrefix = (ordered ? ORDERED : BULLET).exec(first)!
  const attrs: Record<string, unknown> = {
    marker,
    indent: firstPrefix[1]!.length,
    spacing: (ordered ? firstPrefix[4] : firstPrefix[3])!,
    tight: !loose,
  }
  if (ordered) attrs.start = startNumber
  return { node: { type: ordered ? 'orderedList' : 'bulletList', attrs, content: items }, end }
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
