import type { EditorNode, Mark } from './editor-document.js'

/** Characters that may start inline markup; anything else is plain text. */
const PLAIN_RUN = /[^\\ `{[!<*_$\n]+/y
const SPAN_IAL = /\{:[^}\n]*\}/y

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
): EditorNode[] {
  const nodes: EditorNode[] = []
  let buffer = ''
  const flush = () => {
    if (buffer) nodes.push(textNode(buffer, marks))
    buffer = ''
  }
  const chip = (kind: string, source: string) => {
    flush()
    nodes.push({
      type: 'sourceInline',
      attrs: { kind, source },
      ...(marks.length ? { marks } : {}),
    })
  }

  let index = 0
  while (index < text.length) {
    // Fast path: a run of ordinary characters goes straight to the text buffer.
    PLAIN_RUN.lastIndex = index
    const plain = PLAIN_RUN.exec(text)
    if (plain) {
      buffer += plain[0]
      index += plain[0].length
      continue
    }
    const char = text[index]!
    const rest = text.slice(index, index + 2000)

    if (char === '\\' && index + 1 < text.length) {
      if (text[index + 1] === '\n') {
        flush()
        nodes.push({ type: 'hardBreak', attrs: { markup: '\\\n' } })
        index += 2
        continue
      }
      if (/[\\`*_{}[\]()#+\-.!|:<>"'$=~^]/.test(text[index + 1]!)) {
        chip('escape', rest.slice(0, 2))
        index += 2
        continue
      }
    }
    if (char === '\n') {
      // A soft line break of a hard-wrapped paragraph: kept as a node, shown as a space.
      flush()
      nodes.push({ type: 'softBreak' })
      index++
      continue
    }
    const hard = /^( {2,})\n/.exec(rest)
    if (hard) {
      flush()
      nodes.push({ type: 'hardBreak', attrs: { markup: `${hard[1]}\n` } })
      index += hard[0].length
      continue
    }
    if (char === '`') {
      const run = /^`+/.exec(rest)![0]
      const close = text.indexOf(run, index + run.length)
      if (close > 0 && text[close + run.length] !== '`') {
        flush()
        const code = text.slice(index + run.length, close)
        nodes.push(textNode(code, [...marks, { type: 'code', attrs: { fence: run, raw: code } }]))
        index = close + run.length
        continue
      }
      buffer += run
      index += run.length
      continue
    }
    const liquid = /^\{%-?[\s\S]*?-?%\}|^\{\{[\s\S]*?\}\}/.exec(rest)
    if (liquid) {
      chip('liquid', liquid[0])
      index += liquid[0].length
      continue
    }
    const ial = /^\{:[^}\n]*\}/.exec(rest)
    if (ial) {
      chip('ial', ial[0])
      index += ial[0].length
      continue
    }
    const footnote = /^\[\^[^\]\s]+\]/.exec(rest)
    if (footnote) {
      chip('footnote', footnote[0])
      index += footnote[0].length
      continue
    }
    const math = /^\$\$[\s\S]+?\$\$/.exec(rest)
    if (math) {
      chip('math', math[0])
      index += math[0].length
      continue
    }
    if (char === '<') {
      const auto = /^<((?:https?|ftp|mailto):[^\s>]+)>/.exec(rest)
      if (auto) {
        flush()
        nodes.push(
          textNode(auto[1]!, [...marks, { type: 'link', attrs: { href: auto[1], style: 'auto' } }]),
        )
        index += auto[0].length
        continue
      }
      const html = /^<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>|^<!--[\s\S]*?-->/.exec(rest)
      if (html) {
        chip('html', html[0])
        index += html[0].length
        continue
      }
    }
    if (char === '!' && text[index + 1] === '[') {
      const image = matchLink(text, index + 1, context)
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
      const link = matchLink(text, index, context)
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
        nodes.push(...parseInline(link.label, context, [...marks, { type: 'link', attrs }]))
        index = link.end
        continue
      }
    }
    if (char === '*' || char === '_') {
      const emphasis = matchEmphasis(text, index)
      if (emphasis) {
        flush()
        const mark: Mark = emphasis.strong
          ? { type: 'bold', attrs: { markup: emphasis.delimiter } }
          : { type: 'italic', attrs: { markup: emphasis.delimiter } }
        nodes.push(...parseInline(emphasis.inner, context, [...marks, mark]))
        index = emphasis.end
        continue
      }
      const run = char === '*' ? /^\*+/.exec(rest)![0] : /^_+/.exec(rest)![0]
      buffer += run
      index += run.length
      continue
    }
    buffer += char
    index++
  }
  flush()
  return mergeText(nodes)
}

function textNode(text: string, marks: Mark[]): EditorNode {
  return marks.length ? { type: 'text', text, marks } : { type: 'text', text }
}

function mergeText(nodes: EditorNode[]): EditorNode[] {
  const merged: EditorNode[] = []
  for (const node of nodes) {
    const last = merged[merged.length - 1]
    if (
      last?.type === 'text' &&
      node.type === 'text' &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      last.text += node.text ?? ''
    } else merged.push(node)
  }
  return merged
}

interface LinkMatch {
  label: string
  href: string
  title: string | null
  /** Reference id for `[text][id]` / `[text][]` / `[text]` links; null for inline ones. */
  ref: string | null
  end: number
}

function closingBracket(text: string, open: number): number {
  let depth = 0
  for (let index = open; index < text.length; index++) {
    const char = text[index]
    if (char === '\\') index++
    else if (char === '[') depth++
    else if (char === ']' && --depth === 0) return index
  }
  return -1
}

function matchLink(text: string, open: number, context: InlineContext): LinkMatch | null {
  const close = closingBracket(text, open)
  if (close < 0) return null
  const label = text.slice(open + 1, close)
  const after = text.slice(close + 1)
  // The URL may be a Liquid expression (`{{ '/docs/' | relative_url }}`), spaces included.
  const inline =
    /^\(\s*<?((?:\{\{[^}]*\}\}|\{%[^%]*%\}|[^\s()<>{]|\{(?![{%]))*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*\)/.exec(
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
  text: string,
  index: number,
): { strong: boolean; delimiter: string; inner: string; end: number } | null {
  const char = text[index]!
  const before = text[index - 1] ?? ' '
  // GFM: `_` inside a word is not emphasis.
  if (char === '_' && /[\p{L}\p{N}]/u.test(before)) return null
  for (const size of [2, 1]) {
    const delimiter = char.repeat(size)
    if (!text.startsWith(delimiter, index)) continue
    const contentStart = index + size
    if (/\s/.test(text[contentStart] ?? ' ')) continue
    let search = contentStart
    for (;;) {
      const close = text.indexOf(delimiter, search)
      if (close < 0 || close === contentStart) break
      const nextChar = text[close + size] ?? ' '
      const prevChar = text[close - 1]!
      const rightFlanking = !/\s/.test(prevChar)
      const sameRun = nextChar === char
      const intraword = char === '_' && /[\p{L}\p{N}]/u.test(nextChar)
      if (rightFlanking && !intraword && !(size === 1 && sameRun)) {
        const inner = text.slice(contentStart, close)
        if (!inner.includes('\n\n'))
          return { strong: size === 2, delimiter, inner, end: close + size }
      }
      search = close + (sameRun ? 2 : 1)
    }
  }
  return null
}
