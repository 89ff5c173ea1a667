import { collectReferences, parseBlocks } from './block-parser.js'
import {
  matchesFingerprint,
  type EditorDoc,
  type EditorNode,
  type Mark,
} from './editor-document.js'
import type { InlineContext } from './inline-parser.js'
import { splitLines } from './lines.js'
import { softBreaksToLines } from './soft-break.js'
import {
  cellMarkdown,
  rowCells,
  readsBack,
  rowFingerprint,
  rowLine,
  separatorAlignments,
  separatorLine,
  type Alignment,
  type TableStyle,
} from './pipe-table.js'

/**
 * Editor document → Markdown. Untouched top-level blocks are written from
 * their original source; a changed block is serialized in the file's own
 * style, and when its old text can be reproduced, only the part that changed
 * is replaced, so a one-word correction stays a one-word diff.
 */
export function serializeBody(doc: EditorDoc): string {
  const eol = doc.attrs.eol
  const context: InlineContext = { references: doc.attrs.references }
  const pieces: string[] = [doc.attrs.lead]
  // ProseMirror's `toJSON()` leaves `content` out of an empty document.
  const nodes = doc.content ?? []
  nodes.forEach((node, index) => {
    const src = typeof node.attrs?.src === 'string' ? node.attrs.src : null
    if (src !== null && matchesFingerprint(node)) {
      pieces.push(src)
      return
    }
    const isLast = index === nodes.length - 1
    // An empty new paragraph (the editor's trailing line, say) has no Markdown form.
    if (src === null && node.type === 'paragraph' && !(node.content ?? []).length) return
    const fresh = serializeBlock(node, eol)
    if (src === null) {
      if (index > 0) ensureSeparated(pieces, eol)
      pieces.push(isLast ? fresh : `${fresh}${eol}`)
      return
    }
    const [content, trailing] = splitTrailing(src)
    let written = patchInPlace(content, src, fresh, eol, context)
    // The last block of a file without a final newline stays without one.
    if (!/(\r\n|\n|\r)$/.test(content)) written = written.replace(/(\r\n|\n|\r)$/, '')
    pieces.push(written + trailing)
  })
  return pieces.join('')
}

/** A new block needs a blank line before it; only the previous block's end may change. */
function ensureSeparated(pieces: string[], eol: string): void {
  // Compare on normalized breaks: a CRLF is one line break, not two.
  const written = pieces.join('').slice(-64).replace(/\r\n?/g, '\n')
  if (written === '') return
  if (!written.endsWith('\n')) pieces.push(eol + eol)
  else if (!/\n[ \t]*\n$/.test(written)) pieces.push(eol)
}

function splitTrailing(src: string): [string, string] {
  const match = /((?:\r\n|\n|\r)(?:[ \t]*(?:\r\n|\n|\r))*[ \t]*)$/.exec(src)
  if (!match) return [src, '']
  const firstBreak = /^(\r\n|\n|\r)/.exec(match[1]!)![0]
  return [src.slice(0, match.index) + firstBreak, match[1]!.slice(firstBreak.length)]
}

/**
 * Replaces only the changed middle of the block: the serializer's old and new
 * text give the changed range, which is mapped onto the original source by
 * aligning the two (they may differ by escapes or emphasis style). When the
 * range cannot be mapped, the block is written fresh.
 */
function patchInPlace(
  content: string,
  src: string,
  fresh: string,
  eol: string,
  context: InlineContext,
): string {
  const original = parseBlocks(splitLines(src), context, false).nodes
  if (original.length !== 1) return fresh
  const before = serializeBlock(original[0]!, eol)
  if (before === fresh) return content
  let prefix = 0
  while (prefix < before.length && prefix < fresh.length && before[prefix] === fresh[prefix])
    prefix++
  let suffix = 0
  while (
    suffix < before.length - prefix &&
    suffix < fresh.length - prefix &&
    before[before.length - 1 - suffix] === fresh[fresh.length - 1 - suffix]
  )
    suffix++
  const text = /(\r\n|\n|\r)$/.test(content) ? content : content + eol
  const start = alignForward(before, text, prefix)
  const end = alignBackward(before, text, suffix)
  if (start === null || end === null || start > end) return fresh
  return text.slice(0, start) + fresh.slice(prefix, fresh.length - suffix) + text.slice(end)
}

/** Where `before[0..count)` ends in `text`, skipping escapes either side adds; null if they disagree. */
function alignForward(before: string, text: string, count: number): number | null {
  let i = 0
  let j = 0
  while (i < count) {
    if (j < text.length && before[i] === text[j]) {
      i++
      j++
    } else if (before[i] === '\\') i++
    else if (text[j] === '\\') j++
    else return null
  }
  return j
}

/** Where the last `count` characters of `before` start in `text`, aligning from the end. */
function alignBackward(before: string, text: string, count: number): number | null {
  let i = before.length - 1
  let j = text.length - 1
  const stop = before.length - count
  while (i >= stop) {
    if (j >= 0 && before[i] === text[j]) {
      i--
      j--
    } else if (before[i] === '\\') i--
    else if (text[j] === '\\') j--
    else return null
  }
  return j + 1
}

export function serializeBlock(node: EditorNode, eol: string): string {
  const lines = blockLines(node)
  const ial = typeof node.attrs?.ial === 'string' ? [node.attrs.ial] : []
  return [...lines, ...ial].join(eol) + eol
}

function blockLines(node: EditorNode): string[] {
  const attrs = node.attrs ?? {}
  switch (node.type) {
    case 'paragraph':
      return serializeInline(node.content ?? []).split('\n')
    case 'heading': {
      const text = serializeInline(node.content ?? []).replace(/\n/g, ' ')
      const level = Number(attrs.level ?? 2)
      if (attrs.style === 'setext' && level <= 2) {
        const underline =
          typeof attrs.underline === 'string' ? attrs.underline.trim()[0]! : level === 1 ? '=' : '-'
        return [text, underline.repeat(Math.max(3, [...text].length))]
      }
      const hashes = '#'.repeat(level)
      return [`${hashes} ${text}${attrs.style === 'atx-closed' ? ` ${hashes}` : ''}`]
    }
    case 'codeBlock': {
      const fence = typeof attrs.fence === 'string' ? attrs.fence : '```'
      const info =
        typeof attrs.info === 'string' ? attrs.info : ((attrs.language as string | null) ?? '')
      const code = (node.content ?? []).map((child) => child.text ?? '').join('')
      return [`${fence}${info}`, ...(code ? code.split('\n') : []), fence]
    }
    case 'horizontalRule':
      return [typeof attrs.markup === 'string' ? attrs.markup : '* * *']
    case 'blockquote': {
      const inner = childBlocks(node.content ?? [], true)
      const prefix = attrs.space === false ? '>' : '> '
      return inner.map((line) => (line ? `${prefix}${line}` : '>'))
    }
    case 'bulletList':
    case 'orderedList':
      return listLines(node)
    case 'sourceBlock':
      return String(attrs.source ?? '').split(/\r\n|\n|\r/)
    case 'table':
      return tableLines(node)
    default:
      return serializeInline(node.content ?? []).split('\n')
  }
}

function childBlocks(children: EditorNode[], separated: boolean): string[] {
  const lines: string[] = []
  children.forEach((child, index) => {
    if (index > 0 && separated) lines.push('')
    lines.push(...blockLines(child))
    if (typeof child.attrs?.ial === 'string') lines.push(child.attrs.ial)
  })
  return lines
}

function listLines(node: EditorNode): string[] {
  const attrs = node.attrs ?? {}
  const ordered = node.type === 'orderedList'
  const indent = ' '.repeat(Number(attrs.indent ?? 0))
  const spacing = typeof attrs.spacing === 'string' ? attrs.spacing : ' '
  const tight = attrs.tight !== false
  let number = Number(attrs.start ?? 1)
  const lines: string[] = []
  for (const [position, item] of (node.content ?? []).entries()) {
    if (position > 0 && !tight) lines.push('')
    const marker = ordered
      ? `${number++}${String(attrs.marker ?? '.')}`
      : String(attrs.marker ?? '*')
    const lead = `${indent}${marker}${spacing}`
    const pad = ' '.repeat(lead.length)
    const body = childBlocks(item.content ?? [], !tight || (item.content ?? []).length > 1)
    body.forEach((line, index) =>
      lines.push(index === 0 ? `${lead}${line}` : line ? `${pad}${line}` : ''),
    )
    if (body.length === 0) lines.push(lead.trimEnd())
  }
  return lines
}

/**
 * A table: untouched rows and the alignment row as written, edited rows in the
 * table's style. Should that style not read back as the same table (an empty
 * edge cell, one column without pipes), every line gets both pipes.
 */
function tableLines(node: EditorNode): string[] {
  const attrs = node.attrs ?? {}
  const style: TableStyle = {
    lead: attrs.lead !== false,
    trail: attrs.trail !== false,
    pad: attrs.pad !== false,
    indent: typeof attrs.indent === 'string' ? attrs.indent : '',
  }
  const rows = node.content ?? []
  const cellsOf = (row: EditorNode) =>
    (row.content ?? []).flatMap((cell) => {
      const text = cellMarkdown(
        (cell.content ?? [])
          .map((block) => serializeInline(block.content ?? []))
          .filter((part) => part !== '')
          .join(' '),
      )
      const span = Math.max(1, Number(cell.attrs?.colspan ?? 1))
      return [text, ...new Array<string>(span - 1).fill('')]
    })
  const columns = Math.max(1, ...rows.map((row) => cellsOf(row).length))
  const aligns: Alignment[] = []
  for (const cell of rows[0]?.content ?? []) {
    const span = Math.max(1, Number(cell.attrs?.colspan ?? 1))
    for (let index = 0; index < span; index++)
      aligns.push((cell.attrs?.align as Alignment | undefined) ?? null)
  }
  while (aligns.length < columns) aligns.push(null)
  const write = (row: EditorNode, fresh: boolean, rowStyle: TableStyle) => {
    const raw = row.attrs?.raw
    const cells = cellsOf(row)
    if (
      !fresh &&
      typeof raw === 'string' &&
      cells.length === columns &&
      row.attrs?.rfp === rowFingerprint(row.content ?? [])
    )
      return raw
    while (cells.length < columns) cells.push('')
    return rowLine(rowCells(cells, rowStyle.lead), rowStyle)
  }
  const lines = (fresh: boolean, rowStyle: TableStyle) => {
    const out = rows.map((row) => write(row, fresh, rowStyle))
    const written = typeof attrs.separator === 'string' ? attrs.separator : null
    const same =
      written !== null &&
      !fresh &&
      JSON.stringify(separatorAlignments(written)) === JSON.stringify(aligns)
    const header = (rows[0]?.content ?? []).every((cell) => cell.type === 'tableHeader')
    if (header || rows.length === 0)
      out.splice(1, 0, same ? written : separatorLine(aligns, rowStyle))
    return out
  }
  const styled = lines(false, style)
  if (readsBack(styled, columns)) return styled
  return lines(true, { ...style, lead: true, trail: true })
}

function sameMark(a: Mark, b: Mark): boolean {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {})
}

/** Inline nodes → Markdown; soft line breaks stay as `\n` (the caller applies the file's EOL). */
export function serializeInline(nodes: EditorNode[]): string {
  let out = ''
  let active: Mark[] = []
  const close = (mark: Mark) => {
    if (mark.type === 'bold' || mark.type === 'italic')
      out += String(mark.attrs?.markup ?? (mark.type === 'bold' ? '**' : '*'))
    else if (mark.type === 'link') out += linkTail(mark)
  }
  const open = (mark: Mark) => {
    if (mark.type === 'bold' || mark.type === 'italic')
      out += String(mark.attrs?.markup ?? (mark.type === 'bold' ? '**' : '*'))
    else if (mark.type === 'link') out += mark.attrs?.style === 'auto' ? '<' : '['
  }
  const reach = (from: number, mark: Mark) => {
    let end = from
    while (end < nodes.length && (nodes[end]!.marks ?? []).some((other) => sameMark(other, mark)))
      end++
    return end - from
  }
  for (const [position, node] of nodes.entries()) {
    // Keep the marks already open that this node still has; open the others
    // longest-reaching first, so `**[a](u)!**` stays bold outside the link.
    const marks = (node.marks ?? []).filter((mark) => mark.type !== 'code')
    let keep = 0
    while (keep < active.length && marks.some((mark) => sameMark(mark, active[keep]!))) keep++
    for (let index = active.length - 1; index >= keep; index--) close(active[index]!)
    const kept = active.slice(0, keep)
    const opened = marks
      .filter((mark) => !kept.some((other) => sameMark(other, mark)))
      .map((mark, order) => ({ mark, order, reach: reach(position, mark) }))
      .sort((a, b) => b.reach - a.reach || a.order - b.order)
      .map(({ mark }) => mark)
    for (const mark of opened) open(mark)
    active = [...kept, ...opened]
    const code = node.marks?.find((mark) => mark.type === 'code')
    if (node.type === 'text') {
      const text = node.text ?? ''
      if (code) {
        const fence = String(code.attrs?.fence ?? '`')
        // A code span read from the page is written as it was (a U+2005 in it is the author's).
        out += `${fence}${text === code.attrs?.raw ? text : softBreaksToLines(text)}${fence}`
      } else if (active.some((mark) => mark.type === 'link' && mark.attrs?.style === 'auto')) {
        out += softBreaksToLines(text)
      } else out += softBreaksToLines(escapeText(text))
    } else if (node.type === 'hardBreak') {
      out += String(node.attrs?.markup ?? '  \n')
    } else if (node.type === 'image') {
      out += imageMarkdown(node)
    } else if (node.type === 'sourceInline') {
      out += String(node.attrs?.source ?? '')
    }
  }
  for (let index = active.length - 1; index >= 0; index--) close(active[index]!)
  return out
}

function linkTail(mark: Mark): string {
  const attrs = mark.attrs ?? {}
  if (attrs.style === 'auto') return '>'
  const ial = typeof attrs.ial === 'string' ? attrs.ial : ''
  if (typeof attrs.ref === 'string') return `]${attrs.ref}${ial}`
  const title = typeof attrs.title === 'string' ? ` "${attrs.title.replace(/"/g, '\\"')}"` : ''
  return `](${String(attrs.href ?? '')}${title})${ial}`
}

function imageMarkdown(node: EditorNode): string {
  const attrs = node.attrs ?? {}
  if (typeof attrs.raw === 'string') {
    // Unchanged image: its own source (reference form, spacing) is kept.
    const reparsed = /^!\[([^\]]*)\]/.exec(attrs.raw)
    if (reparsed && reparsed[1] === attrs.alt) return attrs.raw
  }
  const title = typeof attrs.title === 'string' ? ` "${attrs.title}"` : ''
  return `![${String(attrs.alt ?? '')}](${String(attrs.src ?? '')}${title})`
}

function escapeText(text: string): string {
  return text
    .replace(/[\\`*[\]]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_/gu, '$1\\_')
    .replace(/\{([%{:])/g, '\\{$1')
    .replace(/<(?=[a-zA-Z/!])/g, '\\<')
}

export { collectReferences }
