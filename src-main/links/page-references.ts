import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'

/**
 * Every reference a page's file makes to another page or file of the site, with
 * the exact span of its target in the file: what a check resolves and what a
 * rename rewrites. A scan, not a render: dynamic targets (`{% link {{ x }} %}`)
 * are left out, as they name no file until the page is built.
 */
export interface PageReference {
  kind:
    | 'link-tag'
    | 'post-url'
    | 'include'
    | 'include-relative'
    | 'markdown-link'
    | 'image'
    | 'html-link'
    | 'relative-url'
    | 'field'
  /** 1-based line of the file where the target starts. */
  line: number
  /** UTF-16 offsets in the file's text of the target as written (what a rename rewrites). */
  start: number
  end: number
  /** As written, without its `#anchor` (`''` for a pure `#anchor` link). */
  target: string
  /** After `#`, when the link has one. */
  anchor?: string
  /** For kind `field`: the front-matter key. */
  field?: string
}

/** `https:`, `mailto:`, `//host`: out of the site. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i
const LIQUID_TAG = /\{%-?\s*(link|post_url|include_relative|include)\s+([\s\S]*?)-?%\}/g
const RELATIVE_URL = /(["'])([^"'\n]*)\1\s*\|\s*(?:relative_url|absolute_url)\b/g
const INLINE_LINK =
  /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\([ \t]*(<[^<>\n]*>|(?:[^\s()<]|\([^\s()]*\))*)/g
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)/gm
const HTML_ATTRIBUTE = /<[a-z][^<>]*?\s(?:href|src)\s*=\s*(["'])([^"'\n]*)\1/gi
/** `{{ site.baseurl }}/themes/` in a link: the rest is a site address. */
const BASEURL_PREFIX = /^\{\{-?\s*site\.baseurl\s*-?\}\}/

export function findReferences(text: string): PageReference[] {
  const lines = lineStarts(text)
  const references: PageReference[] = []
  const add = (reference: Omit<PageReference, 'line'>) =>
    references.push({ ...reference, line: lineAt(lines, reference.start) })
  const split = splitFrontMatter(text)
  const bodyStart = split.kind === 'yaml' ? split.bodyStart : 0
  if (split.kind === 'yaml') {
    const yamlStart = split.bodyStart - split.close.length - split.yaml.length
    for (const field of frontMatterFields(split.yaml)) {
      add({ ...field, start: field.start + yamlStart, end: field.end + yamlStart })
    }
  }
  const liquidSkipped = liquidQuietRanges(text, bodyStart)
  const markupSkipped = [...liquidSkipped, ...codeRanges(text, bodyStart)]

  for (const match of matchesFrom(LIQUID_TAG, text, bodyStart)) {
    if (inside(liquidSkipped, match.index)) continue
    const tag = match[1]!
    const args = match[2]!
    const closing = match[0].endsWith('-%}') ? 3 : 2
    const argsStart = match.index + match[0].length - closing - args.length
    const kind = TAG_KINDS[tag]!
    // `link` and `post_url` take the whole argument; includes take the first word.
    const trimmed = args.trim()
    let target =
      kind === 'link-tag' || kind === 'post-url' ? trimmed : (trimmed.split(/\s+/)[0] ?? '')
    if (target === '' || /\{\{|\{%/.test(target)) continue
    let start = argsStart + args.indexOf(target)
    if (/^(["']).*\1$/.test(target) && target.length >= 2) {
      target = target.slice(1, -1)
      start += 1
    }
    add({ kind, start, end: start + target.length, target })
  }
  for (const match of matchesFrom(RELATIVE_URL, text, bodyStart)) {
    if (inside(liquidSkipped, match.index)) continue
    // Only inside Liquid output or a tag: a quoted word before `|` elsewhere is prose.
    if (!insideLiquid(text, match.index)) continue
    const start = match.index + 1
    addAddress(add, 'relative-url', match[2]!, start)
  }
  for (const match of matchesFrom(INLINE_LINK, text, bodyStart, true)) {
    if (inside(markupSkipped, match.index)) continue
    const written = match[3]!
    const at = match.index + match[0].length - written.length
    const target = written.startsWith('<') ? written.slice(1, -1) : written
    addAddress(
      add,
      match[1] === '!' ? 'image' : 'markdown-link',
      target,
      at + (written.startsWith('<') ? 1 : 0),
    )
  }
  for (const match of matchesFrom(REFERENCE_DEFINITION, text, bodyStart)) {
    if (inside(markupSkipped, match.index)) continue
    const written = match[1]!
    const at = match.index + match[0].length - written.length
    const target = written.startsWith('<') ? written.slice(1, -1) : written
    addAddress(add, 'markdown-link', target, at + (written.startsWith('<') ? 1 : 0))
  }
  for (const match of matchesFrom(HTML_ATTRIBUTE, text, bodyStart)) {
    if (inside(markupSkipped, match.index)) continue
    const value = match[2]!
    const at = match.index + match[0].length - 1 - value.length
    addAddress(add, 'html-link', value, at)
  }
  // One reference per span (an image inside a link is found twice by the scan).
  const seen = new Set<number>()
  return references
    .sort((a, b) => a.start - b.start)
    .filter((reference) => {
      if (seen.has(reference.start)) return false
      seen.add(reference.start)
      return true
    })
}

const TAG_KINDS: Record<string, PageReference['kind']> = {
  link: 'link-tag',
  post_url: 'post-url',
  include: 'include',
  include_relative: 'include-relative',
}

/** A written address: external ones and Liquid-built ones are left out; the anchor is split off. */
function addAddress(
  add: (reference: Omit<PageReference, 'line'>) => void,
  kind: PageReference['kind'],
  written: string,
  at: number,
): void {
  let value = written
  let start = at
  const prefix = BASEURL_PREFIX.exec(value)
  if (prefix && kind !== 'relative-url') {
    value = value.slice(prefix[0].length)
    start += prefix[0].length
    if (!value.startsWith('/')) return
  }
  if (value === '' || EXTERNAL.test(value) || /\{\{|\{%/.test(value)) return
  const hash = value.indexOf('#')
  const target = hash === -1 ? value : value.slice(0, hash)
  const anchor = hash === -1 ? undefined : value.slice(hash + 1)
  if (target === '' && kind !== 'markdown-link' && kind !== 'html-link') return
  add({
    kind: target === '' ? 'markdown-link' : kind,
    start,
    end: start + target.length,
    target,
    ...(anchor !== undefined ? { anchor } : {}),
  })
}

/** YAML plain scalars that are no strings: numbers, booleans, null, dates. */
const NOT_A_STRING =
  /^(?:true|false|yes|no|on|off|null|~|[-+]?\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\d{4}-\d{2}-\d{2}.*)$/i

/**
 * The string values of the front matter, top level and in top-level lists, with their spans.
 * A line scan rather than a YAML parse (a check reads every page): `key: value`, `key: "value"`,
 * and `- value` items under a `key:`; flow collections, anchors, tags and block scalars are
 * left out, and so is a quoted value with escapes (its span would not be its value).
 */
function frontMatterFields(yaml: string): Omit<PageReference, 'line'>[] {
  const fields: Omit<PageReference, 'line'>[] = []
  let listKey: string | null = null
  let offset = 0
  for (const rawLine of yaml.split('\n')) {
    const lineStart = offset
    offset += rawLine.length + 1
    const line = rawLine.replace(/\r$/, '')
    const pair = /^([^\s#:'"\-[{][^:#]*?):(?:[ \t]+(.*))?$/.exec(line)
    if (pair) {
      const key = pair[1]!.trim()
      const value = pair[2] ?? ''
      listKey = stripComment(value) === '' ? key : null
      if (value !== '') pushValue(fields, key, value, lineStart + line.length - value.length)
      continue
    }
    const item = /^([ \t]*)-[ \t]+(.*)$/.exec(line)
    if (item && listKey !== null) {
      const value = item[2]!
      pushValue(fields, listKey, value, lineStart + line.length - value.length)
      continue
    }
    // Anything else at the first column (a comment, a blank line) keeps a list open; a
    // nested mapping's lines do too, but give no field.
    if (/^\S/.test(line) && !line.startsWith('#')) listKey = null
  }
  return fields
}

function pushValue(
  fields: Omit<PageReference, 'line'>[],
  field: string,
  written: string,
  at: number,
): void {
  const quote = written[0]
  if (quote === '"' || quote === "'") {
    const close = written.indexOf(quote, 1)
    if (close <= 1) return
    const value = written.slice(1, close)
    if ((quote === '"' && value.includes('\\')) || (quote === "'" && written[close + 1] === "'"))
      return
    fields.push({ kind: 'field', start: at + 1, end: at + close, target: value, field })
    return
  }
  const flow = /^\[([^[\]{}]*)\][ \t]*(?:#.*)?$/.exec(written)
  if (flow) {
    // `themes: [acces, "budget"]`: each item on its own, at its place in the line.
    let itemAt = at + 1
    for (const item of flow[1]!.split(',')) {
      const lead = item.length - item.trimStart().length
      const value = item.trim()
      if (value !== '') pushValue(fields, field, value, itemAt + lead)
      itemAt += item.length + 1
    }
    return
  }
  if (/^[[{|>&*!%@`]/.test(written)) return
  const value = stripComment(written)
  if (value === '' || NOT_A_STRING.test(value)) return
  fields.push({ kind: 'field', start: at, end: at + value.length, target: value, field })
}

/** A plain scalar without its ` # comment` and trailing spaces. */
function stripComment(value: string): string {
  const hash = value.search(/(?:^|[ \t])#/)
  return (hash === -1 ? value : value.slice(0, hash)).trimEnd()
}

function* matchesFrom(
  pattern: RegExp,
  text: string,
  from: number,
  nested = false,
): Generator<RegExpExecArray> {
  const regex = new RegExp(pattern.source, pattern.flags)
  regex.lastIndex = from
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    yield match
    // Links: go on just after the start, so an image inside a link's text is found too.
    regex.lastIndex = nested
      ? match.index + 1
      : Math.max(match.index + match[0].length, match.index + 1)
  }
}

type Range = [number, number]

/** `{% raw %}…{% endraw %}` and `{% comment %}…{% endcomment %}`: Liquid renders none of it. */
function liquidQuietRanges(text: string, from: number): Range[] {
  const ranges: Range[] = []
  const pattern = /\{%-?\s*(raw|comment)\s*-?%\}/g
  pattern.lastIndex = from
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const close = new RegExp(`\\{%-?\\s*end${match[1]}\\s*-?%\\}`, 'g')
    close.lastIndex = match.index + match[0].length
    const end = close.exec(text)
    const stop = end ? end.index + end[0].length : text.length
    ranges.push([match.index, stop])
    pattern.lastIndex = stop
  }
  return ranges
}

/** Fenced code blocks and code spans: a link written there is shown, not followed. */
function codeRanges(text: string, from: number): Range[] {
  const ranges: Range[] = []
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*\n/gm
  fence.lastIndex = from
  let scanFrom = from
  const spans = (start: number, end: number) => {
    const span = /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g
    span.lastIndex = start
    for (let match = span.exec(text); match && match.index < end; match = span.exec(text))
      ranges.push([match.index, match.index + match[0].length])
  }
  for (let open = fence.exec(text); open; open = fence.exec(text)) {
    const marker = open[1]!
    const close = new RegExp(
      `^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`,
      'gm',
    )
    close.lastIndex = open.index + open[0].length
    const end = close.exec(text)
    const stop = end ? end.index + end[0].length : text.length
    spans(scanFrom, open.index)
    ranges.push([open.index, stop])
    scanFrom = stop
    fence.lastIndex = stop
  }
  spans(scanFrom, text.length)
  return ranges
}

function inside(ranges: Range[], at: number): boolean {
  return ranges.some(([start, end]) => at >= start && at < end)
}

/** Whether an offset is within `{{ … }}` or `{% … %}`. */
function insideLiquid(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('{{', at), text.lastIndexOf('{%', at))
  if (open === -1) return false
  const close = Math.max(text.lastIndexOf('}}', at), text.lastIndexOf('%}', at))
  return close < open
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  return starts
}

function lineAt(starts: number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}
