import type { EditorNode, Mark } from './editor-document.js'
import { MAX_NESTING } from './nesting-limit.js'
import { SOFT_BREAK } from './soft-break.js'
import { TextScanner } from './text-scanner.js'

/**
 * Characters that may start inline markup (`\\ `{[!<*_$`, a line break, and
 * U+2005, see `soft-break.ts`); anything else is plain text. A table by
 * character code: the parser steps over runs of text without a regular
 * expression's match and its string each time.
 */
const MARKUP = new Uint8Array(128)
for (const char of '\\ `{[!<*_$\n') MARKUP[char.charCodeAt(0)] = 1
const SOFT_BREAK_CODE = SOFT_BREAK.charCodeAt(0)

const SPACE_CODE = 0x20

/**
 * The end of the run of plain text starting at `from`. A space alone (not
 * before another) is plain text too: only a run of them may be a hard break.
 */
function plainRunEnd(text: string, from: number): number {
  let end = from
  while (end < text.length) {
    const code = text.charCodeAt(end)
    if (
      code === SPACE_CODE
        ? text.charCodeAt(end + 1) === SPACE_CODE
        : code < 128
          ? MARKUP[code] === 1
          : code === SOFT_BREAK_CODE
    )
      break
    end++
  }
  return end
}

const SPAN_IAL = /\{:[^}\n]*\}/y
/** Where a footnote id or an autolink stops. */
const SPACE_OR_BRACKET = /[\]\s]/g
const SPACE_OR_ANGLE = /[\s>]/g
const AUTOLINK_SCHEME = /^<(?:https?|ftp|mailto):/

export interface InlineContext {
  references: Record<string, { href: string; title: string | null }>
}

/**
 * Inline kramdown → ProseMirror inline nodes: text with bold/italic/code/link
 * marks, images, hard breaks; Liquid, inline HTML, span IALs, footnote
 * references and math become `sourceInline` chips holding their exact text.
 */
export function parseInline(
  text: string,
  context: InlineContext,
  marks: Mark[] = [],
  /** Links and emphasis around this text: past the limit, what they hold stays source. */
  depth = 0,
): EditorNode[] {
  const scan = new TextScanner(text)
  const nodes: EditorNode[] = []
  // The text read since the last node is the source from `pending` to `index` (every other
  // node flushes it first), its line breaks being soft breaks: taken as one slice when a node
  // comes, rather than built piece by piece.
  let index = 0
  let pending = -1
  const flush = () => {
    if (pending >= 0 && index > pending) {
      const read = text.slice(pending, index)
      nodes.push(textNode(read.includes('\n') ? read.replace(/\n/g, SOFT_BREAK) : read, marks))
    }
    pending = -1
  }
  /** Reads the text up to `end` as text. */
  const keep = (end: number) => {
    if (pending < 0) pending = index
    index = end
  }
  const chip = (kind: string, source: string) => {
    flush()
    nodes.push({
      type: 'sourceInline',
      attrs: { kind, source },
      ...(marks.length ? { marks } : {}),
    })
  }

  while (index < text.length) {
    // Fast path: a run of ordinary characters is text.
    const plainEnd = plainRunEnd(text, index)
    if (plainEnd > index) {
      keep(plainEnd)
      continue
    }
    const char = text[index]!

    if (char === '\\' && index + 1 < text.length) {
      if (text[index + 1] === '\n') {
        flush()
        nodes.push(breakNode('hardBreak', marks, '\\\n'))
        index += 2
        continue
      }
      if (/[\\`*_{}[\]()#+\-.!|:<>"'$=~^]/.test(text[index + 1]!)) {
        chip('escape', text.slice(index, index + 2))
        index += 2
        continue
      }
    }
    if (char === '\n') {
      // A soft line break of a hard-wrapped paragraph: one character of the text, shown as a
      // space (a span's marks carry on over it, as a break inside `**fort\nfin**`).
      keep(index + 1)
      continue
    }
    if (char === SOFT_BREAK) {
      // The character itself, written in the page: kept as source, never taken for a break.
      chip('other', char)
      index++
      continue
    }
    if (char === ' ') {
      // A run of spaces is a hard break before a line break, text otherwise: taken whole,
      // so a long run is not rescanned from each of its spaces.
      let end = index
      while (text[end] === ' ') end++
      if (end - index >= 2 && text[end] === '\n') {
        flush()
        nodes.push(breakNode('hardBreak', marks, `${text.slice(index, end)}\n`))
        index = end + 1
      } else {
        keep(end)
      }
      continue
    }
    if (char === '`') {
      const run = runAt(text, index)
      const close = scan.indexOf(run, index + run.length)
      if (close > 0 && text[close + run.length] !== '`') {
        flush()
        const code = text.slice(index + run.length, close)
        nodes.push(textNode(code, [...marks, { type: 'code', attrs: { fence: run, raw: code } }]))
        index = close + run.length
        continue
      }
      keep(index + run.length)
      continue
    }
    // Liquid `{% … %}` / `{{ … }}`, a span IAL `{: … }` (on one line) and a footnote
    // reference `[^id]` end at the first closer after them: found by the scanner.
    if (char === '{' && (text[index + 1] === '%' || text[index + 1] === '{')) {
      const close = scan.indexOf(text[index + 1] === '%' ? '%}' : '}}', index + 2)
      if (close >= 0) {
        chip('liquid', text.slice(index, close + 2))
        index = close + 2
        continue
      }
    }
    if (char === '{' && text[index + 1] === ':') {
      const close = scan.indexOf('}', index + 2)
      const newline = scan.indexOf('\n', index + 2)
      if (close >= 0 && (newline < 0 || close < newline)) {
        chip('ial', text.slice(index, close + 1))
        index = close + 1
        continue
      }
    }
    if (char === '[' && text[index + 1] === '^') {
      const stop = scan.indexOf(SPACE_OR_BRACKET, index + 2)
      if (stop > index + 2 && text[stop] === ']') {
        chip('footnote', text.slice(index, stop + 1))
        index = stop + 1
        continue
      }
    }
    const math = char === '$' ? /^\$\$[\s\S]+?\$\$/.exec(ahead(text, index)) : null
    if (math) {
      chip('math', math[0])
      index += math[0].length
      continue
    }
    if (char === '<') {
      const rest = ahead(text, index)
      const scheme = AUTOLINK_SCHEME.exec(rest)
      if (scheme) {
        const stop = scan.indexOf(SPACE_OR_ANGLE, index + scheme[0].length)
        if (stop > index + scheme[0].length && text[stop] === '>') {
          const href = text.slice(index + 1, stop)
          flush()
          nodes.push(textNode(href, [...marks, { type: 'link', attrs: { href, style: 'auto' } }]))
          index = stop + 1
          continue
        }
      }
      if (rest.startsWith('<!--')) {
        const close = scan.indexOf('-->', index + 4)
        if (close >= 0) {
          chip('html', text.slice(index, close + 3))
          index = close + 3
          continue
        }
      }
      const html = /^<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/.exec(rest)
      if (html) {
        chip('html', html[0])
        index += html[0].length
        continue
      }
    }
    if (char === '!' && text[index + 1] === '[') {
      const image = matchLink(scan, index + 1, context)
      if (image) {
        flush()
        nodes.push({
          type: 'image',
          attrs: {
            src: image.href,
            alt: image.label,
            title: image.title,
            ref: image.ref,
            raw: text.slice(index, image.end),
          },
          ...(marks.length ? { marks } : {}),
        })
        index = image.end
        continue
      }
    }
    if (char === '[') {
      const link = matchLink(scan, index, context)
      if (link) {
        flush()
        const attrs: Record<string, unknown> = { href: link.href, title: link.title }
        if (link.ref !== null) attrs.ref = link.ref
        // A span IAL right after the link (`{:target="_blank"}`) is the link's attribute.
        SPAN_IAL.lastIndex = link.end
        const ial = SPAN_IAL.exec(text)
        if (ial) {
          attrs.ial = ial[0]
          link.end += ial[0].length
        }
        if (depth >= MAX_NESTING) chip('deep', text.slice(index, link.end))
        else
          nodes.push(
            ...parseInline(link.label, context, [...marks, { type: 'link', attrs }], depth + 1),
          )
        index = link.end
        continue
      }
    }
    if (char === '*' || char === '_') {
      const emphasis = matchEmphasis(scan, index)
      if (emphasis && depth >= MAX_NESTING) {
        chip('deep', text.slice(index, emphasis.end))
        index = emphasis.end
        continue
      }
      if (emphasis) {
        flush()
        const mark: Mark = emphasis.strong
          ? { type: 'bold', attrs: { markup: emphasis.delimiter } }
          : { type: 'italic', attrs: { markup: emphasis.delimiter } }
        nodes.push(...parseInline(emphasis.inner, context, [...marks, mark], depth + 1))
        index = emphasis.end
        continue
      }
      const run = runAt(text, index)
      keep(index + run.length)
      continue
    }
    keep(index + 1)
  }
  flush()
  return mergeText(nodes)
}

/** What follows `index`, for the patterns tried there: a span longer than this is not read as one. */
const WINDOW = 2000

function ahead(text: string, index: number): string {
  return text.slice(index, index + WINDOW)
}

/** The run of the character at `index` (backticks, `*`, `_`), within the window. */
function runAt(text: string, index: number): string {
  const char = text.charCodeAt(index)
  const limit = Math.min(text.length, index + WINDOW)
  let end = index + 1
  while (end < limit && text.charCodeAt(end) === char) end++
  return text.slice(index, end)
}

/**
 * A line break inside a span carries the span's marks, as ProseMirror lets it: the
 * serializer then keeps `**fort  \nfin**` one span, where a break without marks
 * between `**fort**` and `**fin**` closes the first and opens the second.
 */
function breakNode(type: 'hardBreak', marks: Mark[], markup?: string): EditorNode {
  return {
    type,
    ...(markup === undefined ? {} : { attrs: { markup } }),
    ...(marks.length ? { marks } : {}),
  }
}

function textNode(text: string, marks: Mark[]): EditorNode {
  return marks.length ? { type: 'text', text, marks } : { type: 'text', text }
}

function mergeText(nodes: EditorNode[]): EditorNode[] {
  const merged: EditorNode[] = []
  for (const node of nodes) {
    const last = merged[merged.length - 1]
    if (last?.type === 'text' && node.type === 'text' && sameMarks(last.marks, node.marks)) {
      last.text += node.text ?? ''
    } else merged.push(node)
  }
  return merged
}

/**
 * Whether two texts carry the same marks, as their JSON says. Most neighbours
 * share the marks of the span they were read in, or differ in their number
 * (a text after a bold one): neither needs the JSON.
 */
function sameMarks(a: Mark[] = [], b: Mark[] = []): boolean {
  if (a.length !== b.length) return false
  if (a.every((mark, index) => mark === b[index])) return true
  return JSON.stringify(a) === JSON.stringify(b)
}

interface LinkMatch {
  label: string
  href: string
  title: string | null
  /** Reference id for `[text][id]` / `[text][]` / `[text]` links; null for inline ones. */
  ref: string | null
  end: number
}

function matchLink(scan: TextScanner, open: number, context: InlineContext): LinkMatch | null {
  const { text } = scan
  const close = scan.closingBracket(open)
  if (close < 0) return null
  const label = text.slice(open + 1, close)
  const after = text.slice(close + 1)
  // The URL may be a Liquid expression (`{{ '/docs/' | relative_url }}`), spaces included
  // but no parenthesis: a search for its end stops at the next link's `(`.
  const inline =
    /^\(\s*<?((?:\{\{[^}()]*\}\}|\{%[^%()]*%\}|[^\s()<>{]|\{(?![{%]))*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*\)/.exec(
      after,
    )
  if (inline) {
    return {
      label,
      href: inline[1]!,
      title: inline[2] ?? inline[3] ?? null,
      ref: null,
      end: close + 1 + inline[0].length,
    }
  }
  const full = /^ ?\[([^\]]*)\]/.exec(after)
  // A reference id holds no `]`: a label with one (nested pairs) names none, and is not
  // lower-cased, which would cost its length for each of its nested pairs.
  if (!(full && full[1]) && scan.labelHasBracket(open)) return null
  const id = (full ? full[1] || label : label).toLowerCase().replace(/\s+/g, ' ')
  const reference = context.references[id]
  if (!reference) return null
  return {
    label,
    href: reference.href,
    title: reference.title,
    ref: full ? full[0] : '',
    end: close + 1 + (full ? full[0].length : 0),
  }
}

function matchEmphasis(
  scan: TextScanner,
  index: number,
): { strong: boolean; delimiter: string; inner: string; end: number } | null {
  const { text } = scan
  const char = text[index]!
  const before = text[index - 1] ?? ' '
  // GFM: `_` inside a word is not emphasis.
  if (char === '_' && /[\p{L}\p{N}]/u.test(before)) return null
  for (const size of [2, 1]) {
    const delimiter = char.repeat(size)
    if (!text.startsWith(delimiter, index)) continue
    const contentStart = index + size
    if (/\s/.test(text[contentStart] ?? ' ')) continue
    // Empty emphasis (`****`) is none.
    if (text.startsWith(delimiter, contentStart)) continue
    const close = scan.emphasisCloser(delimiter, contentStart)
    if (close < 0) continue
    // Never across a blank line (nor, then, at any later closer).
    const blank = scan.indexOf('\n\n', contentStart)
    if (blank >= 0 && blank + 2 <= close) continue
    return {
      strong: size === 2,
      delimiter,
      inner: text.slice(contentStart, close),
      end: close + size,
    }
  }
  return null
}
