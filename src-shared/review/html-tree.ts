/**
 * A forgiving reader of rendered HTML into a tree that keeps every byte:
 * serialising a node gives back exactly its source. The word diff works on
 * this tree so it never cuts a tag or an entity in two. Malformed input
 * (raw HTML in a page) still reads: a close tag without its open tag stays
 * as text-like leaf, an element never closed ends with its parent.
 */

export type HtmlNode = HtmlText | HtmlLeaf | HtmlElement

export interface HtmlText {
  kind: 'text'
  text: string
}

/** A comment, a doctype, or a stray close tag: kept whole, never entered. */
export interface HtmlLeaf {
  kind: 'leaf'
  source: string
}

export interface HtmlElement {
  kind: 'element'
  /** Lower-case tag name. */
  name: string
  /** The open tag as written, `<p class="x">`. */
  open: string
  children: HtmlNode[]
  /** The close tag as written; empty for void elements and elements never closed. */
  close: string
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
/** Elements whose content is not HTML: read up to their close tag as one piece. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
])

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9:-]*/y
/**
 * Deeper elements are kept as plain pieces (their bytes unchanged, not entered):
 * everything that walks the tree recurses, and a hostile page may nest without end.
 */
export const MAX_DEPTH = 200
/** An open tag longer than this is read as text: hostile input stays linear. */
const MAX_TAG = 1024
const CLOSE_TAG = /<\/([a-zA-Z][a-zA-Z0-9:-]*)\s*>/y

export function parseHtml(html: string): HtmlNode[] {
  return readHtml(html).nodes
}

/** The tree, and whether some elements were too deep to enter (see `MAX_DEPTH`). */
export function readHtml(html: string): { nodes: HtmlNode[]; tooDeep: boolean } {
  let tooDeep = false
  // Where the next `>` is: with none ahead, no tag can start (keeps `<a "…` floods linear).
  let nextGt = -1
  const root: HtmlElement = { kind: 'element', name: '#root', open: '', children: [], close: '' }
  const stack: HtmlElement[] = [root]
  const top = () => stack[stack.length - 1]!
  let text = ''
  const flush = () => {
    if (text) top().children.push({ kind: 'text', text })
    text = ''
  }
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      text += html.slice(i)
      break
    }
    text += html.slice(i, lt)
    i = lt
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      const stop = end < 0 ? html.length : end + 3
      flush()
      top().children.push({ kind: 'leaf', source: html.slice(i, stop) })
      i = stop
      continue
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const end = html.indexOf('>', i)
      const stop = end < 0 ? html.length : end + 1
      flush()
      top().children.push({ kind: 'leaf', source: html.slice(i, stop) })
      i = stop
      continue
    }
    CLOSE_TAG.lastIndex = i
    const close = CLOSE_TAG.exec(html)
    if (close) {
      flush()
      const name = close[1]!.toLowerCase()
      const depth = stack.findLastIndex((element, index) => index > 0 && element.name === name)
      if (depth > 0) {
        stack.length = depth + 1
        stack.pop()!.close = close[0]
      } else {
        top().children.push({ kind: 'leaf', source: close[0] })
      }
      i = CLOSE_TAG.lastIndex
      continue
    }
    if (nextGt < i) nextGt = html.indexOf('>', i)
    const open = nextGt < 0 ? null : openTagAt(html, i)
    if (!open) {
      text += '<'
      i++
      continue
    }
    flush()
    if (stack.length > MAX_DEPTH) {
      tooDeep = true
      top().children.push({ kind: 'leaf', source: open.source })
      i += open.source.length
      continue
    }
    const name = open.name.toLowerCase()
    const element: HtmlElement = {
      kind: 'element',
      name,
      open: open.source,
      children: [],
      close: '',
    }
    top().children.push(element)
    i += open.source.length
    if (VOID.has(name) || open.source.endsWith('/>')) continue
    if (RAW_TEXT.has(name)) {
      const closing = new RegExp(`</${name}`, 'gi')
      closing.lastIndex = i
      const end = closing.exec(html)?.index ?? -1
      const contentEnd = end < 0 ? html.length : end
      if (contentEnd > i) element.children.push({ kind: 'text', text: html.slice(i, contentEnd) })
      i = contentEnd
      if (end >= 0) {
        CLOSE_TAG.lastIndex = end
        const closing = CLOSE_TAG.exec(html)
        const stop = closing ? CLOSE_TAG.lastIndex : html.indexOf('>', end) + 1 || html.length
        element.close = html.slice(end, stop)
        i = stop
      }
      continue
    }
    stack.push(element)
  }
  flush()
  return { nodes: root.children, tooDeep }
}

/** The open tag starting at `start` (quotes may hold `>`), or null when there is none. */
function openTagAt(html: string, start: number): { name: string; source: string } | null {
  TAG_NAME.lastIndex = start + 1
  const name = TAG_NAME.exec(html)?.[0]
  if (!name) return null
  let quote = ''
  const limit = Math.min(html.length, start + MAX_TAG)
  for (let j = start + 1 + name.length; j < limit; j++) {
    const c = html[j]!
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (c === '>') {
      return { name, source: html.slice(start, j + 1) }
    } else if (c === '<') {
      return null
    }
  }
  return null
}

export function serialize(node: HtmlNode): string {
  if (node.kind === 'text') return node.text
  if (node.kind === 'leaf') return node.source
  return node.open + node.children.map(serialize).join('') + node.close
}
