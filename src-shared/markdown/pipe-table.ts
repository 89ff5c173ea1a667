import { fingerprint, type EditorNode } from './editor-document.js'
import { parseInline, type InlineContext } from './inline-parser.js'
import type { Line } from './lines.js'

/**
 * kramdown's pipe tables, the shape the editor models: a header row, an
 * alignment row, then body rows, every row with the same number of cells and
 * nothing in a cell that kramdown splits otherwise than at its pipes (code
 * spans, HTML, Liquid, math); an escaped pipe (`\|`) is a pipe inside its
 * cell. Any other table (several bodies, a footer, ragged rows…) stays a
 * source block, exactly as written.
 *
 * Each row keeps its line as written (`raw`) and a fingerprint of its cells
 * (`rfp`): an untouched row is written back byte for byte, an edited one in
 * the table's style (leading and trailing pipes, padding), so editing one
 * cell changes one line.
 */

/** kramdown's TABLE_LINE: a pipe, not escaped, on the line. */
const TABLE_LINE = /^(?:\||.*?[^\\\n]\|)/
/** kramdown's TABLE_SEP_LINE and TABLE_FSEP_LINE, on a line without its end. */
const SEP_LINE = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/
const FSEP_LINE = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/
const HSEP_ALIGN = /[ \t]?(:?)-+(:?)[ \t]?/g
/** kramdown's setext underline: such a line makes the line above a heading. */
const SETEXT_UNDERLINE = /^([-=])[-=]*[ \t]*$/
const LIST_LINE = /^ {0,3}(?:[+*-]|\d+\.)[\t| ]/
/** What kramdown splits a row by other than its pipes, or the editor reads as source. */
const NOT_MODELLED = /`|<[a-zA-Z/!?]|\{[{%:]|\$\$/
/** Ruby's `strip`: not JavaScript's `trim`, which also takes no-break spaces. */
const strip = (text: string) => text.replace(/^[ \t\n\v\f\r\0]+|[ \t\n\v\f\r\0]+$/g, '')

export type Alignment = 'left' | 'right' | 'center' | null

/** The cells of a row as kramdown splits them (the table's leading pipe read from its first line). */
export function splitRow(text: string, leadingPipe: boolean): string[] {
  const cells = text.replace(/[ \t]+$/, '').split(/(?<!\\)\|/)
  if (leadingPipe && cells.length > 0 && strip(cells[0]!) === '') cells.shift()
  if (cells.length > 0 && strip(cells[cells.length - 1]!) === '') cells.pop()
  return cells
}

/**
 * A cell's text as kramdown reads its spans: stripped, every `\|` made a pipe first
 * (so `\\|` is read as `\|`, an escaped pipe), as kramdown's table parser does.
 */
export function cellSource(text: string): string {
  return strip(text).replace(/\\\|/g, '|')
}

export function separatorAlignments(text: string): Alignment[] {
  const match = SEP_LINE.exec(text)
  if (!match) return []
  return [...match[1]!.matchAll(HSEP_ALIGN)].map(([, left, right]) =>
    left === '' && right === '' ? null : right === '' ? 'left' : left === '' ? 'right' : 'center',
  )
}

/** The row's content as its fingerprint sees it: cell texts only, not their kind or alignment. */
export function rowFingerprint(cells: EditorNode[]): string {
  return fingerprint({
    type: 'tableRow',
    content: cells.map((cell) => ({ type: 'cell', content: cell.content ?? [] })),
  })
}

/**
 * The table over lines [start, end) (a block: no blank line inside), or null
 * when kramdown would not read it as one or the editor does not model it.
 */
export function readPipeTable(
  lines: Line[],
  start: number,
  end: number,
  context: InlineContext,
): EditorNode | null {
  if (end - start < 3) return null
  const texts = lines.slice(start, end).map((line) => line.text)
  if (texts.some((text) => !TABLE_LINE.test(text) || NOT_MODELLED.test(text))) return null
  // A list line among the rows: the source block around it goes on as the list would (kept as it was).
  if (texts.some((text, index) => index > 0 && LIST_LINE.test(text))) return null
  const [head, separator] = texts as [string, string]
  if (SETEXT_UNDERLINE.test(separator) || !SEP_LINE.test(separator)) return null
  if (texts.some((text, index) => index !== 1 && (SEP_LINE.test(text) || FSEP_LINE.test(text))))
    return null
  const leadingPipe = /^\s*\|/.test(head)
  const aligns = separatorAlignments(separator)
  const rows = texts.filter((_, index) => index !== 1)
  const split = rows.map((text) => splitRow(text, leadingPipe))
  if (split.some((cells) => cells.length !== aligns.length)) return null
  // Every row written the same way at its start: a row without the first line's pipe reads differently.
  if (rows.some((text) => /^\s*\|/.test(text) !== leadingPipe)) return null
  const content = split.map((cells, row) => {
    const nodes = cells.map((text, column) => {
      const inline = parseInline(cellSource(text), context)
      return {
        type: row === 0 ? 'tableHeader' : 'tableCell',
        attrs: { colspan: 1, rowspan: 1, align: aligns[column] ?? null },
        content: [inline.length ? { type: 'paragraph', content: inline } : { type: 'paragraph' }],
      }
    })
    return {
      type: 'tableRow',
      attrs: { raw: rows[row]!, rfp: rowFingerprint(nodes) },
      content: nodes,
    }
  })
  const trimmed = head.replace(/[ \t]+$/, '')
  return {
    type: 'table',
    attrs: {
      lead: leadingPipe,
      trail: trimmed.endsWith('|') && !trimmed.endsWith('\\|'),
      pad: /\|[ \t]/.test(trimmed),
      indent: /^ */.exec(head)![0],
      separator,
    },
    content,
  }
}

export interface TableStyle {
  lead: boolean
  trail: boolean
  pad: boolean
  indent: string
}

/** One row written in the table's style; cells already Markdown, pipes escaped. */
export function rowLine(cells: string[], style: TableStyle): string {
  const space = style.pad ? ' ' : ''
  // An empty edge cell needs its pipe, or kramdown drops the cell.
  const lead = style.lead || cells[0] === ''
  const trail = style.trail || cells[cells.length - 1] === ''
  return (
    style.indent +
    (lead ? `|${space}` : '') +
    cells.join(`${space}|${space}`) +
    (trail ? `${space}|` : '')
  ).replace(/[ \t]+$/, '')
}

export function separatorLine(aligns: Alignment[], style: TableStyle): string {
  const marks = aligns.map((align) =>
    align === 'left' ? ':---' : align === 'right' ? '---:' : align === 'center' ? ':---:' : '---',
  )
  return rowLine(marks, style)
}

const OTHER_BLOCK =
  /^ {0,3}(?:#|>|(?:[*+-]|\d+\.)(?:[\t| ]|$)|[`~]{3}|<[a-zA-Z/!?]|\{[%{:]|\$\$|\[[^\]]*\]:|\*\[|\^)/
/**
 * A first cell that would open a list, a heading or a quote on a row without
 * a leading pipe (`- x`, `1.`, `# x`): its mark is escaped, so the line stays
 * a row and the cell publishes the same text.
 */
const BLOCK_MARK = /^(?:[*+-](?=[\t ]|$)|#|>|\d+(?=\.(?:[\t ]|$)))/

/** A cell's Markdown: one line, pipes escaped. */
export function cellMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

/**
 * A row's cells as written. On a row without a leading pipe, a first cell
 * that opens another block has its mark escaped (see BLOCK_MARK). When every cell is only dashes, colons, `=` or
 * `+` (or empty), kramdown would read the line as a separator or a rule, so
 * the first dash of the first such cell is escaped. Any other row keeps its
 * cells as they are: an escaped `--` would no longer be an en dash.
 */
export function rowCells(cells: string[], leadingPipe: boolean): string[] {
  if (!leadingPipe && cells.length > 0 && BLOCK_MARK.test(cells[0]!)) {
    const first = cells[0]!.replace(BLOCK_MARK, (mark) =>
      /^\d/.test(mark) ? `${mark}\\` : `\\${mark}`,
    )
    cells = [first, ...cells.slice(1)]
  }
  const ruleLike = (cell: string) => /^[-=:+ \t]*$/.test(cell)
  if (!cells.every(ruleLike)) return cells
  const first = cells.findIndex((cell) => /[-=]/.test(cell))
  if (first < 0) return cells
  return cells.map((cell, index) => (index === first ? cell.replace(/[-=]/, '\\$&') : cell))
}

/** Whether kramdown reads these lines (header, separator, body) as the table of these cells. */
export function readsBack(lines: string[], columns: number): boolean {
  if (lines.length < 3) return false
  const leadingPipe = /^\s*\|/.test(lines[0]!)
  // Without a leading pipe, a first line kramdown reads as another block first.
  if (!leadingPipe && OTHER_BLOCK.test(lines[0]!)) return false
  // Nor may a row below it open a list: the editor keeps such a table as source.
  if (!leadingPipe && lines.some((text) => LIST_LINE.test(text))) return false
  return lines.every((text, index) => {
    if (!TABLE_LINE.test(text)) return false
    if (index === 1) return separatorAlignments(text).length === columns
    if (SEP_LINE.test(text) || FSEP_LINE.test(text)) return false
    return /^\s*\|/.test(text) === leadingPipe && splitRow(text, leadingPipe).length === columns
  })
}
