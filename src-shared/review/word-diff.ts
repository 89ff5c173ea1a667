import { diffArrays } from 'diff'
import { translate } from '../i18n/translate.js'
import { parseHtml, readHtml, serialize, type HtmlElement, type HtmlNode } from './html-tree.js'

/**
 * Marks what changed between two renderings of a page, word by word, for a
 * reviewer reading the page as it will be published.
 *
 * Blocks (paragraphs, headings, lists…) are aligned first; inside a pair of
 * changed blocks with the same tag the words are compared, recursively
 * through inline elements (`<em>`, `<li>`…). What was removed is wrapped in
 * `<del>`, what was added in `<ins>`, always around whole tokens — words,
 * spaces, entities or complete elements — so no tag or entity is ever cut.
 * A link or image whose tag changed (its address) is shown as the whole
 * element deleted then inserted.
 *
 * Three markers keep the result reversible (see `sideOf`):
 * - a paired element whose open tag changed (a heading's `id` follows its
 *   words) carries the before tag in `data-atelier-before`;
 * - table parts (`<tr>`, `<td>`…), which a browser would move out of a
 *   `<del>`, carry `data-atelier-change="del|ins"` instead of being wrapped;
 * - with `fold`, runs of unchanged blocks (all but the one block of context
 *   next to a change) go into `<details class="atelier-unchanged"
 *   data-atelier-unchanged="N">` with a French summary, which the UI may fold
 *   or relabel.
 */
export function markWordChanges(
  beforeHtml: string,
  afterHtml: string,
  options: { fold?: boolean } = {},
): string {
  const before = readHtml(beforeHtml)
  const after = readHtml(afterHtml)
  // Nesting past what the tree enters: compared whole, so marks never fall inside tags kept flat.
  if (before.tooDeep || after.tooDeep) {
    if (beforeHtml === afterHtml) return beforeHtml
    return (beforeHtml && `<del>${beforeHtml}</del>`) + (afterHtml && `<ins>${afterHtml}</ins>`)
  }
  const segments = diffNodes(before.nodes, after.nodes)
  return options.fold ? fold(segments) : segments.map((segment) => segment.html).join('')
}

/**
 * Myers' diff costs about (n + m) × the edits it looks for; each comparison
 * may look for as many edits as keep that product under this budget, and past
 * them shows the whole run deleted then inserted. Deterministic, unlike a timer.
 */
const STEP_BUDGET = 1_000_000
const editsFor = (n: number, m: number) => Math.max(32, Math.floor(STEP_BUDGET / (n + m + 1)))

const TABLE_PARTS = new Set([
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'colgroup',
  'col',
])
/** Changing these tags' attributes changes what they are: shown as del + ins. */
const ATOMIC = new Set(['a', 'img', 'video', 'audio', 'iframe', 'object', 'svg', 'math', 'picture'])

export const UNCHANGED_CLASS = 'atelier-unchanged'

interface Token {
  /** What compares equal: the exact source. */
  key: string
  node: HtmlElement | null
}

interface Segment {
  html: string
  /** True when nothing in it changed. */
  same: boolean
  /** Counts as a block for folding (an element, not the spaces between). */
  block: boolean
}

const WORD = /&#?[a-zA-Z0-9]+;|[\p{L}\p{M}\p{N}_]+|\s+|[^]/gu

function tokens(nodes: HtmlNode[]): Token[] {
  const list: Token[] = []
  for (const node of nodes) {
    if (node.kind === 'text') {
      for (const match of node.text.matchAll(WORD)) list.push({ key: match[0], node: null })
    } else {
      list.push({ key: serialize(node), node: node.kind === 'element' ? node : null })
    }
  }
  return list
}

function diffNodes(before: HtmlNode[], after: HtmlNode[]): Segment[] {
  const a = tokens(before)
  const b = tokens(after)
  const changes = diffArrays(
    a.map((token) => token.key),
    b.map((token) => token.key),
    { maxEditLength: editsFor(a.length, b.length) },
  )
  if (!changes) return [...removed(a), ...inserted(b)]
  const segments: Segment[] = []
  let i = 0
  let j = 0
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!
    if (!change.added && !change.removed) {
      for (const token of a.slice(i, i + change.count)) {
        segments.push({ html: token.key, same: true, block: token.node !== null })
      }
      i += change.count
      j += change.count
      continue
    }
    // A replacement is a removal followed by an addition (or the reverse).
    const next = changes[c + 1]
    let gone: Token[] = []
    let come: Token[] = []
    if (change.removed) {
      gone = a.slice(i, (i += change.count))
      if (next?.added) come = b.slice(j, (j += next.count))
    } else {
      come = b.slice(j, (j += change.count))
      if (next?.removed) gone = a.slice(i, (i += next.count))
    }
    if ((change.removed && next?.added) || (change.added && next?.removed)) c++
    segments.push(...replace(gone, come))
  }
  return segments
}

/** Pairs elements of the same kind inside a replaced run and compares their insides. */
function replace(gone: Token[], come: Token[]): Segment[] {
  if (gone.length === 0) return inserted(come)
  if (come.length === 0) return removed(gone)
  const pairs = diffArrays(gone, come, {
    comparator: (x, y) => pairable(x.node, y.node),
    maxEditLength: editsFor(gone.length, come.length),
  })
  if (!pairs) return [...removed(gone), ...inserted(come)]
  const segments: Segment[] = []
  let i = 0
  let j = 0
  for (const change of pairs) {
    if (change.removed) segments.push(...removed(gone.slice(i, (i += change.count))))
    else if (change.added) segments.push(...inserted(come.slice(j, (j += change.count))))
    else {
      for (let k = 0; k < change.count; k++)
        segments.push(pairOf(gone[i++]!.node!, come[j++]!.node!))
    }
  }
  return segments
}

function pairable(x: HtmlElement | null, y: HtmlElement | null): boolean {
  if (!x || !y || x.name !== y.name || x.close === '' || y.close === '') return false
  return !ATOMIC.has(x.name) || x.open === y.open
}

function pairOf(before: HtmlElement, after: HtmlElement): Segment {
  const inner = diffNodes(before.children, after.children)
  const open =
    before.open === after.open
      ? after.open
      : withAttribute(after.open, 'data-atelier-before', before.open)
  return {
    html: open + inner.map((segment) => segment.html).join('') + after.close,
    same: false,
    block: true,
  }
}

function removed(list: Token[]): Segment[] {
  return marked(list, 'del')
}

function inserted(list: Token[]): Segment[] {
  return marked(list, 'ins')
}

/** Wraps runs in `<del>`/`<ins>`; table parts get an attribute instead (see above). */
function marked(list: Token[], tag: 'del' | 'ins'): Segment[] {
  const segments: Segment[] = []
  let run = ''
  const flush = () => {
    if (run) segments.push({ html: `<${tag}>${run}</${tag}>`, same: false, block: false })
    run = ''
  }
  for (const token of list) {
    if (token.node && TABLE_PARTS.has(token.node.name)) {
      flush()
      const node = token.node
      const open = withAttribute(node.open, 'data-atelier-change', tag)
      const html = open + node.children.map(serialize).join('') + node.close
      segments.push({ html, same: false, block: true })
    } else {
      run += token.key
    }
  }
  flush()
  return segments
}

function withAttribute(open: string, name: string, value: string): string {
  const end = open.endsWith('/>') ? open.length - 2 : open.length - 1
  return `${open.slice(0, end)} ${name}="${escapeAttribute(value)}"${open.slice(end)}`
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|quot|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'quot' ? '"' : name === 'lt' ? '<' : '>',
  )
}

/** Runs of unchanged blocks, but for one block of context beside each change, folded. */
function fold(segments: Segment[]): string {
  let html = ''
  let start = 0
  while (start < segments.length) {
    if (!segments[start]!.same) {
      html += segments[start++]!.html
      continue
    }
    let end = start
    while (end < segments.length && segments[end]!.same) end++
    const blocks = segments
      .slice(start, end)
      .map((segment, index) => (segment.block ? start + index : -1))
      .filter((index) => index >= 0)
    // Keep the block touching a change on each side as context.
    const first = start > 0 ? (blocks[1] ?? end) : start
    const last = end < segments.length ? (blocks[blocks.length - 2] ?? start) + 1 : end
    const folded = blocks.filter((index) => index >= first && index < last).length
    if (folded >= 2 && first < last) {
      const piece = (from: number, to: number) =>
        segments
          .slice(from, to)
          .map((segment) => segment.html)
          .join('')
      html +=
        piece(start, first) +
        `<details class="${UNCHANGED_CLASS}" data-atelier-unchanged="${folded}"><summary>${unchangedSummary(folded)}</summary>` +
        piece(first, last) +
        '</details>' +
        piece(last, end)
    } else {
      html += segments
        .slice(start, end)
        .map((segment) => segment.html)
        .join('')
    }
    start = end
  }
  return html
}

function unchangedSummary(count: number): string {
  return translate('fr', 'reviewDiff.unchanged', { count })
}

/**
 * One side of a marked page: `before` drops insertions and unwraps deletions,
 * `after` the reverse; folds are unwrapped. `sideOf(markWordChanges(a, b), 'before') === a`.
 */
export function sideOf(marked: string, side: 'before' | 'after'): string {
  const drop = side === 'before' ? 'ins' : 'del'
  const keep = side === 'before' ? 'del' : 'ins'
  const walk = (nodes: HtmlNode[]): string =>
    nodes
      .map((node): string => {
        if (node.kind !== 'element') return serialize(node)
        if (node.name === drop && node.open === `<${drop}>`) return ''
        if (node.name === keep && node.open === `<${keep}>`) return walk(node.children)
        if (node.name === 'details' && node.open.includes(`class="${UNCHANGED_CLASS}"`)) {
          return walk(
            node.children.filter(
              (child) => !(child.kind === 'element' && child.name === 'summary'),
            ),
          )
        }
        let open = node.open
        const change = / data-atelier-change="(del|ins)"/.exec(open)
        if (change) {
          if (change[1] === drop) return ''
          open = open.replace(change[0], '')
        }
        const before = / data-atelier-before="([^"]*)"/.exec(open)
        if (before)
          open = side === 'before' ? unescapeAttribute(before[1]!) : open.replace(before[0], '')
        return open + walk(node.children) + node.close
      })
      .join('')
  return walk(parseHtml(marked))
}
