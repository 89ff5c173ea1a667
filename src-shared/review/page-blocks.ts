import { sha1 } from '@noble/hashes/legacy.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { splitFrontMatter } from '../front-matter/split-front-matter.js'

/**
 * The blocks a review comment is anchored to: the top-level Markdown blocks of
 * a page's body (front matter left out). Main stores the anchor and the
 * editor's comment margin finds it again, so both must cut a page the same
 * way: this module is pure (no Node, no DOM) and both import it.
 *
 * Blocks are separated by blank lines outside fenced code. That is coarser
 * than kramdown (a list and the paragraph glued under it are one block) but
 * stable: an edit inside one block never changes another block's text, which
 * is what anchoring needs.
 */
export interface PageBlock {
  /** 0-based position among the page's blocks. */
  index: number
  /** The block's lines, as written, without the blank lines around it. */
  text: string
  /** Offset of the block's first character in the whole page (front matter included). */
  start: number
  /** sha1 (hex) of the text with trailing spaces of each line removed (see `blockHash`). */
  hash: string
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const BLANK = /^[ \t]*$/

/** The page's top-level blocks, in order. Linear in the page's length. */
export function pageBlocks(page: string): PageBlock[] {
  const split = splitFrontMatter(page)
  const bodyStart = split.kind === 'yaml' ? split.bodyStart : 0
  const blocks: PageBlock[] = []
  let fence: string | null = null
  let blockStart = -1
  let blockEnd = -1
  const flush = () => {
    if (blockStart < 0) return
    const text = page.slice(blockStart, blockEnd)
    blocks.push({ index: blocks.length, text, start: blockStart, hash: blockHash(text) })
    blockStart = -1
  }
  let offset = bodyStart
  while (offset < page.length) {
    const newline = page.indexOf('\n', offset)
    const lineEnd = newline < 0 ? page.length : newline
    const line = page.slice(offset, lineEnd).replace(/\r$/, '')
    if (fence === null && BLANK.test(line)) {
      flush()
    } else {
      if (blockStart < 0) blockStart = offset
      blockEnd = offset + line.length
      const marker = FENCE.exec(line)
      if (fence === null && marker) fence = marker[1]!
      else if (fence !== null && marker && closesFence(fence, line)) fence = null
    }
    offset = newline < 0 ? page.length : newline + 1
  }
  flush()
  return blocks
}

/** A fence closes with the same character, at least as long, and nothing after it. */
function closesFence(open: string, line: string): boolean {
  const close = line.trim()
  return close[0] === open[0] && close.length >= open.length && /^(`+|~+)$/.test(close)
}

/**
 * The hash a comment keeps of its block: sha1 of the UTF-8 text with line
 * endings made `\n` and trailing spaces removed, so re-saving the page with
 * another editor's whitespace habits does not detach comments.
 * (sha1 from @noble/hashes: the same audited code in Node and in the browser,
 * and synchronous, which Web Crypto is not.)
 */
export function blockHash(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).map(trimEndSpaces)
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  return bytesToHex(sha1(utf8ToBytes(lines.join('\n'))))
}

/** Trailing spaces and tabs removed by a scan: a regex like `/[ \t]+$/` backtracks quadratically on long runs. */
function trimEndSpaces(line: string): string {
  let end = line.length
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
  return line.slice(0, end)
}

/** A short excerpt of a block, shown beside a comment whose block has gone. */
export function blockExcerpt(text: string, limit = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`
}
