/**
 * The differential check of issue 12: the editor's block splitter and the
 * kramdown port (the preview's parser, byte-identical to Ruby kramdown on the
 * corpus) must read a page the same way. For every top-level block the editor
 * shows as rich text, the port must have an element of the same kind over the
 * same source lines; a reading kramdown does not have must be a source block.
 */
import { BlockParser } from '../../src-main/preview/markdown/block-parser.js'
import type { Element } from '../../src-main/preview/markdown/element.js'
import { collectReferences, parseBlocks } from '../../src-shared/markdown/block-parser.js'
import type { MarkdownInput } from '../../src-shared/markdown/block-parser.js'
import { isBlank, splitLines } from '../../src-shared/markdown/lines.js'

export interface ReadBlock {
  kind: string
  /** First line and end line (exclusive), trailing blank lines left out. */
  lines: [number, number]
  /** Heading level, or the number of list items. */
  detail?: number
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
}

/** The editor's top-level rich blocks (source blocks left out: they claim no reading). */
export function editorBlocks(body: string, input: MarkdownInput): ReadBlock[] {
  const lines = splitLines(body)
  const { nodes, spans } = parseBlocks(lines, { references: collectReferences(lines), input }, true)
  const out: ReadBlock[] = []
  nodes.forEach((node, index) => {
    const kind = RICH[node.type]
    if (!kind) return
    const [start, end] = spans[index]!
    let last = end
    while (last > start && isBlank(lines[last - 1])) last--
    const detail =
      node.type === 'heading'
        ? (node.attrs?.level as number)
        : kind === 'ul' || kind === 'ol'
          ? node.content?.length
          : undefined
    out.push({ kind, lines: [start, last], ...(detail !== undefined ? { detail } : {}) })
  })
  return out
}

/** What the test reaches into: the port's cascade, observed at the top level only. */
interface Observed {
  runBlockParser(name: string): boolean
  keepAsText(): void
  tree: Element | null
  root: Element
  src: { pos: number }
}

/**
 * The port's top-level elements with the source lines each was read from, or
 * null when the page nests deeper than the port's limit (out of scope).
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
  const ranges = new Map<Element, [number, number]>()
  let tooDeep = false
  const keepAsText = observed.keepAsText.bind(parser)
  observed.keepAsText = () => {
    tooDeep = true
    keepAsText()
  }
  const run = observed.runBlockParser.bind(parser)
  observed.runBlockParser = (name) => {
    if (observed.tree !== observed.root) return run(name)
    const children = observed.root.children
    const before = observed.src.pos
    const count = children.length
    const last = children[count - 1]
    const lastIal = JSON.stringify(last?.options.ial)
    const result = run(name)
    const after = observed.src.pos
    if (!result) return result
    for (let index = count; index < children.length; index++)
      ranges.set(children[index]!, [before, after])
    // An IAL for the block above: kramdown updates that block and adds an end-of-block marker.
    const added = children[count]
    if (added?.type === 'eob' && added.value === 'ial' && last && ranges.has(last))
      ranges.get(last)![1] = after
    const previous = children[count - 1]
    if (previous && last && previous !== last) {
      // A definition list takes the paragraph before it: one element over both.
      ranges.set(previous, [ranges.get(last)?.[0] ?? before, after])
    } else if (children.length === count && last && last.type !== 'blank' && ranges.has(last)) {
      // A paragraph's lazy lines, an indented code block's next chunk, an IAL for the block above.
      if (
        name === 'paragraph' ||
        name === 'codeblock' ||
        JSON.stringify(last.options.ial) !== lastIal
      )
        ranges.get(last)![1] = after
    }
    return result
  }
  const root = parser.parse(body)
  if (tooDeep) return null

  const adapted = body.replace(/\r\n?/g, '\n').replace(/\n$/, '') + '\n'
  const lineStarts = [0]
  for (let index = 0; index < adapted.length; index++)
    if (adapted[index] === '\n') lineStarts.push(index + 1)
  const lineOf = (offset: number): number => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return low
  }
  const blank = (line: number): boolean =>
    adapted.slice(lineStarts[line], (lineStarts[line + 1] ?? adapted.length + 1) - 1).trim() === ''
  const out: ReadBlock[] = []
  for (const child of root.children) {
    const range = ranges.get(child)
    if (!range || child.type === 'blank') continue
    const first = lineOf(range[0])
    let end = lineOf(Math.max(range[0], range[1] - 1)) + 1
    while (end > first + 1 && blank(end - 1)) end--
    const detail =
      child.type === 'header'
        ? child.options.level
        : child.type === 'ul' || child.type === 'ol'
          ? child.children.filter((item) => item.type === 'li').length
          : undefined
    out.push({
      kind: child.type,
      lines: [first, end],
      ...(detail !== undefined ? { detail } : {}),
    })
  }
  return out
}

/**
 * The editor's rich blocks that kramdown does not read the same way: none
 * when the two agree (or the page is deeper than the port goes).
 */
export function disagreements(body: string, input: MarkdownInput): string[] {
  const port = kramdownBlocks(body, input)
  if (port === null) return []
  const byStart = new Map(port.map((block) => [block.lines[0], block]))
  const out: string[] = []
  for (const block of editorBlocks(body, input)) {
    const seen = byStart.get(block.lines[0])
    const same =
      seen !== undefined &&
      seen.kind === block.kind &&
      seen.lines[1] === block.lines[1] &&
      seen.detail === block.detail
    if (!same)
      out.push(
        `editor ${block.kind}${block.detail ?? ''} lines ${block.lines[0] + 1}-${block.lines[1]}, ` +
          (seen
            ? `kramdown ${seen.kind}${seen.detail ?? ''} lines ${seen.lines[0] + 1}-${seen.lines[1]}`
            : 'kramdown has no element starting there'),
      )
  }
  return out
}
