/**
 * The differential check of issue 12: the editor's block splitter and the
 * kramdown port (the preview's parser, byte-identical to Ruby kramdown on the
 * corpus) must read a page the same way. For every block the editor shows as
 * rich text — at the top level and inside quotes and list items — the port must
 * have an element of the same kind over the same source lines; a reading
 * kramdown does not have must be a source block.
 */
import { BlockParser } from '../../src-main/preview/markdown/block-parser.js'
import type { Element } from '../../src-main/preview/markdown/element.js'
import { Scanner } from '../../src-main/preview/markdown/scanner.js'
import type { EditorNode } from '../../src-shared/markdown/editor-document.js'
import { collectReferences, parseBlocks } from '../../src-shared/markdown/block-parser.js'
import type { MarkdownInput } from '../../src-shared/markdown/block-parser.js'
import { isBlank, splitLines } from '../../src-shared/markdown/lines.js'

export interface ReadBlock {
  kind: string
  /** First line and end line (exclusive) of the page, trailing blank lines left out. */
  lines: [number, number]
  /** Heading level, or the number of list items. */
  detail?: number
  /** A quote's blocks (one entry) or each list item's blocks (one entry per item). */
  inner?: ReadBlock[][]
}

/** The editor's rich node types and the kramdown element each one stands for. */
const RICH: Record<string, string> = {
  paragraph: 'p',
  heading: 'header',
  bulletList: 'ul',
  orderedList: 'ol',
  blockquote: 'blockquote',
  codeBlock: 'codeblock',
  horizontalRule: 'hr',
  table: 'table',
}

/** The editor's rich blocks, nested ones included (source blocks left out: they claim no reading). */
export function editorBlocks(body: string, input: MarkdownInput): ReadBlock[] {
  const lines = splitLines(body)
  const positions = new Map<EditorNode, [number, number]>()
  const { nodes } = parseBlocks(
    lines,
    { references: collectReferences(lines), input, positions },
    true,
  )
  const read = (list: EditorNode[], offset: number): ReadBlock[] => {
    const out: ReadBlock[] = []
    for (const node of list) {
      const kind = RICH[node.type]
      if (!kind) continue
      const [start, end] = positions.get(node)!
      let last = offset + end
      while (last > offset + start && isBlank(lines[last - 1])) last--
      const block: ReadBlock = { kind, lines: [offset + start, last] }
      if (node.type === 'heading') block.detail = node.attrs?.level as number
      if (node.type === 'table') block.detail = node.content?.length
      if (kind === 'ul' || kind === 'ol') {
        block.detail = node.content?.length
        block.inner = (node.content ?? []).map((item) =>
          read(item.content ?? [], offset + start + positions.get(item)![0]),
        )
      }
      if (kind === 'blockquote') block.inner = [read(node.content ?? [], offset + start)]
      out.push(block)
    }
    return out
  }
  return read(nodes, 0)
}

/** What the test reaches into: the port's cascade, observed at every level. */
interface Observed {
  runBlockParser(name: string): boolean
  parseBlocks(el: Element, text?: string | null): boolean | 'found'
  parseFirstListLine(indentation: number, content: string): unknown[]
  keepAsText(): void
  tree: Element | null
  root: Element
  src: Scanner
}

/** Where an element was read: offsets in the text of one scanner. */
interface Range {
  scanner: Scanner
  from: number
  to: number
}

/** A block parser at work: a quote or list reads its inner text with scanners of its own. */
interface Running {
  name: string
  tree: Element
  /** Page line of the block's first line, when its scanner's place is known. */
  line: number | undefined
  /** A list's items: page line of each marker line, and whether that line's text is dropped. */
  items: { line: number; dropped: boolean }[]
  item?: Element
  /** The page line after the last chunk read for the current item. */
  next?: number
}

/**
 * The port's elements, nested ones included, with the page lines each was
 * read from, or null when the page nests deeper than the port's limit (out of
 * scope). kramdown reads a quote's and a list item's text as a new string
 * (markers and indentation stripped, one line for each page line), so each
 * scanner is placed on the page by the block that made it.
 */
export function kramdownBlocks(body: string, input: MarkdownInput): ReadBlock[] | null {
  const parser = new BlockParser({
    gfm: input === 'GFM',
    autoIds: true,
    hardWrap: false,
    parseBlockHtml: false,
    parseSpanHtml: true,
  })
  const observed = parser as unknown as Observed
  const ranges = new Map<Element, Range>()
  /** Page line of each scanner's first line (unknown for footnotes, definitions…). */
  const origins = new Map<Scanner, number | undefined>()
  const starts = new WeakMap<Scanner, number[]>()
  const lineStarts = (scanner: Scanner): number[] => {
    let found = starts.get(scanner)
    if (!found) {
      found = [0]
      const text = scanner.string
      for (let index = 0; index < text.length; index++)
        if (text[index] === '\n') found.push(index + 1)
      starts.set(scanner, found)
    }
    return found
  }
  const lineOf = (scanner: Scanner, offset: number): number => {
    const all = lineStarts(scanner)
    let low = 0
    let high = all.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (all[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return low
  }
  const pageLine = (scanner: Scanner, offset: number): number | undefined => {
    const origin = origins.get(scanner)
    return origin === undefined ? undefined : origin + lineOf(scanner, offset)
  }
  const lineCount = (text: string): number =>
    (text.match(/\n/g)?.length ?? 0) + (text !== '' && !text.endsWith('\n') ? 1 : 0)
  const running: Running[] = []
  let tooDeep = false

  const keepAsText = observed.keepAsText.bind(parser)
  observed.keepAsText = () => {
    tooDeep = true
    keepAsText()
  }

  /** Places a new scanner: a quote's text starts on its line; list items' chunks follow each other. */
  const place = (scanner: Scanner): void => {
    const block = running[running.length - 1]
    // The page itself (line endings adapted: one line for each page line).
    if (!block) return void origins.set(scanner, 0)
    if (block.line === undefined) return void origins.set(scanner, undefined)
    if (block.name === 'blockquote') return void origins.set(scanner, block.line)
    if (block.name !== 'list') return void origins.set(scanner, undefined)
    const list = block.tree.children[block.tree.children.length - 1]!
    const index = list.children.findIndex((item) => item.options.lines !== undefined)
    const item = list.children[index]
    if (!item || !block.items[index]) return void origins.set(scanner, undefined)
    if (item !== block.item) {
      block.item = item
      block.next = block.items[index]!.line + (block.items[index]!.dropped ? 1 : 0)
    }
    origins.set(scanner, block.next)
    block.next! += lineCount(scanner.string)
  }

  const parseBlocks = observed.parseBlocks.bind(parser)
  observed.parseBlocks = (el, text = null) => {
    if (text === null) {
      if (!origins.has(observed.src)) place(observed.src)
      return parseBlocks(el, null)
    }
    const outer = observed.src
    observed.src = new Scanner(text)
    place(observed.src)
    const status = parseBlocks(el, null)
    observed.src = outer
    return status
  }

  const firstListLine = observed.parseFirstListLine.bind(parser)
  observed.parseFirstListLine = (indentation, content) => {
    const block = running[running.length - 1]
    if (block?.name === 'list' && block.tree === observed.tree) {
      const line = pageLine(observed.src, observed.src.pos - 1)
      // An item opening with nothing but an IAL: kramdown drops that line's text and its newline.
      const dropped = /^(?:[ \t]*\{:[^}]*\})?[ \t]*\n/.test(content)
      block.items.push({ line: line ?? -1, dropped })
    }
    return firstListLine(indentation, content)
  }

  const run = observed.runBlockParser.bind(parser)
  observed.runBlockParser = (name) => {
    const tree = observed.tree!
    const scanner = observed.src
    const children = tree.children
    const before = scanner.pos
    const count = children.length
    const last = children[count - 1]
    const lastIal = JSON.stringify(last?.options.ial)
    running.push({ name, tree, line: pageLine(scanner, before), items: [] })
    let result: boolean
    try {
      result = run(name)
    } finally {
      running.pop()
    }
    const after = scanner.pos
    if (!result) return result
    for (let index = count; index < children.length; index++)
      ranges.set(children[index]!, { scanner, from: before, to: after })
    // An IAL for the block above: kramdown updates that block and adds an end-of-block marker.
    const added = children[count]
    if (added?.type === 'eob' && added.value === 'ial' && last && ranges.has(last))
      ranges.get(last)!.to = after
    const previous = children[count - 1]
    if (previous && last && previous !== last) {
      // A definition list takes the paragraph before it: one element over both.
      ranges.set(previous, { scanner, from: ranges.get(last)?.from ?? before, to: after })
    } else if (children.length === count && last && last.type !== 'blank' && ranges.has(last)) {
      // A paragraph's lazy lines, an indented code block's next chunk, an IAL for the block above.
      if (
        name === 'paragraph' ||
        name === 'codeblock' ||
        JSON.stringify(last.options.ial) !== lastIal
      )
        ranges.get(last)!.to = after
    }
    return result
  }

  const root = parser.parse(body)
  if (tooDeep) return null

  const blankLine = (scanner: Scanner, line: number): boolean => {
    const all = lineStarts(scanner)
    return (
      scanner.string.slice(all[line], (all[line + 1] ?? scanner.string.length + 1) - 1).trim() ===
      ''
    )
  }
  const eobLine = (scanner: Scanner, line: number): boolean => {
    const all = lineStarts(scanner)
    return /^\^[ \t]*$/.test(
      scanner.string.slice(all[line], (all[line + 1] ?? scanner.string.length + 1) - 1),
    )
  }
  const read = (elements: Element[]): ReadBlock[] => {
    const out: ReadBlock[] = []
    for (const child of elements) {
      const range = ranges.get(child)
      if (!range || child.type === 'blank') continue
      const origin = origins.get(range.scanner)
      if (origin === undefined) continue
      const first = lineOf(range.scanner, range.from)
      let end = lineOf(range.scanner, Math.max(range.from, range.to - 1)) + 1
      // A list ends at a `^` line and takes it in; the marker belongs to no block.
      const list = child.type === 'ul' || child.type === 'ol'
      while (
        end > first + 1 &&
        (blankLine(range.scanner, end - 1) || (list && eobLine(range.scanner, end - 1)))
      )
        end--
      const block: ReadBlock = { kind: child.type, lines: [origin + first, origin + end] }
      if (child.type === 'header') block.detail = child.options.level as number
      // A table's rows, header and body.
      if (child.type === 'table')
        block.detail = child.children.reduce((count, part) => count + part.children.length, 0)
      if (child.type === 'ul' || child.type === 'ol') {
        const items = child.children.filter((item) => item.type === 'li')
        block.detail = items.length
        block.inner = items.map((item) => read(item.children))
      }
      if (child.type === 'blockquote') block.inner = [read(child.children)]
      out.push(block)
    }
    return out
  }
  return read(root.children)
}

/**
 * The editor's rich blocks that kramdown does not read the same way, at any
 * depth: none when the two agree (or the page is deeper than the port goes).
 */
export function disagreements(body: string, input: MarkdownInput): string[] {
  const port = kramdownBlocks(body, input)
  if (port === null) return []
  const out: string[] = []
  const compare = (editor: ReadBlock[], kramdown: ReadBlock[], where: string): void => {
    const byStart = new Map(kramdown.map((block) => [block.lines[0], block]))
    for (const block of editor) {
      const seen = byStart.get(block.lines[0])
      const same =
        seen !== undefined &&
        seen.kind === block.kind &&
        seen.lines[1] === block.lines[1] &&
        seen.detail === block.detail
      const name = `${where}editor ${block.kind}${block.detail ?? ''} lines ${block.lines[0] + 1}-${block.lines[1]}`
      if (!same) {
        out.push(
          `${name}, ` +
            (seen
              ? `kramdown ${seen.kind}${seen.detail ?? ''} lines ${seen.lines[0] + 1}-${seen.lines[1]}`
              : 'kramdown has no element starting there'),
        )
        continue
      }
      block.inner?.forEach((blocks, index) =>
        compare(blocks, seen!.inner?.[index] ?? [], `${name} › ${index + 1}: `),
      )
    }
  }
  compare(editorBlocks(body, input), port, '')
  return out
}
