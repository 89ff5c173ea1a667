import type { Node as PMNode } from '@tiptap/pm/model'
import type { FrontMatterPart } from '../../src-shared/markdown/page-document.js'
import { foldWithMap, originalRange, fold } from '../../src-shared/text/fold.js'

/**
 * Where a line of a page's file is in its editor: search results and checks
 * name a file line; the editor shows blocks. Each top-level block keeps its
 * source (`src`, the blank lines after it included) and the document its
 * leading blank lines (`lead`), so counting their lines finds the block; the
 * words, when given, are then selected inside it (folded as search folds
 * them), or anywhere in the page when an unsaved edit moved them.
 */

const BREAK = /\r\n|\n|\r/g

function lineCount(text: string): number {
  return (text.match(BREAK) ?? []).length
}

/** How many lines the front matter takes, delimiters included. */
export function frontMatterLines(part: FrontMatterPart): number {
  if (part.kind === 'none') return 0
  if (part.kind === 'yaml') return lineCount(part.open + part.yaml + part.close)
  return lineCount(part.raw)
}

/** The top-level block holding body line `bodyLine` (0-based), or the last one. */
function blockAt(doc: PMNode, bodyLine: number): { node: PMNode; pos: number } | null {
  let line = lineCount(String(doc.attrs.lead ?? ''))
  let found: { node: PMNode; pos: number } | null = null
  doc.forEach((node, offset) => {
    if (found && line > bodyLine) return
    found = { node, pos: offset }
    const src = typeof node.attrs.src === 'string' ? node.attrs.src : ''
    // A block without a line break at its end still takes its own line.
    line += Math.max(1, lineCount(src))
  })
  return found
}

/** The range of `needle` (folded) inside `node` at `pos`, the first one. */
function findIn(node: PMNode, pos: number, needle: string): { from: number; to: number } | null {
  const wanted = fold(needle)
  if (!wanted) return null
  // Text nodes joined, each piece remembering where it starts in the document.
  let text = ''
  const starts: { at: number; pos: number }[] = []
  node.descendants((child, childPos) => {
    if (child.isText) {
      starts.push({ at: text.length, pos: pos + 1 + childPos })
      text += child.text
    } else if (child.isBlock) text += '\n'
    return true
  })
  const map = foldWithMap(text)
  const index = map.folded.indexOf(wanted)
  if (index < 0) return null
  const [start, end] = originalRange(map, index, index + wanted.length)
  const toPos = (offset: number, after: boolean) => {
    let piece = starts[0]!
    for (const candidate of starts) {
      if (candidate.at < offset || (!after && candidate.at === offset)) piece = candidate
    }
    return piece.pos + (offset - piece.at)
  }
  return { from: toPos(start, false), to: toPos(end, true) }
}

/**
 * The selection that shows file line `line` (1-based) and, when given, the
 * words `text` on it. Null when the line is in the front matter (the form
 * shows it) or the page is empty.
 */
export function revealRange(
  doc: PMNode,
  frontMatter: FrontMatterPart,
  line: number,
  text?: string,
): { from: number; to: number } | null {
  const bodyLine = line - 1 - frontMatterLines(frontMatter)
  if (bodyLine < 0 || doc.childCount === 0) return null
  const block = blockAt(doc, bodyLine)
  if (!block) return null
  if (text) {
    const inBlock = findIn(block.node, block.pos, text)
    if (inBlock) return inBlock
    const anywhere = findIn(doc, -1, text)
    if (anywhere) return anywhere
  }
  // The block's first position inside it (a leaf block: just before it).
  const inside = block.node.isLeaf ? block.pos : block.pos + 1
  return { from: inside, to: inside }
}
