/**
 * Span-level parsing: a port of kramdown's `parse_spans` and span parsers
 * (emphasis, code spans, autolinks, inline HTML, footnote markers, links and
 * images, smart quotes, inline math, span IALs and extensions, entities,
 * typographic symbols, line breaks, escapes) plus GFM's strikethrough and
 * extended escapes. Each method mirrors the Ruby method of the same name.
 */
import type { Element, ElementType, Ial } from './element.js'
import { element } from './element.js'
import { entityByCode, entityByName } from './entities.js'
import type { Frame, TextType } from './parser-state.js'
import { ParserState } from './parser-state.js'
import {
  ALD_ID_NAME,
  EXT_SPAN_START,
  HTML_BLOCK_ELEMENTS,
  HTML_COMMENT_RE,
  HTML_ELEMENTS_WITHOUT_BODY,
  HTML_ENTITY_RE,
  HTML_TAG_CLOSE_RE,
  HTML_TAG_RE,
  IAL_SPAN_START,
  S,
  UNAME,
  global,
  htmlContentModel,
  isHtmlElement,
  sticky,
} from './patterns.js'
import { Scanner } from './scanner.js'
import { SQ_RULES, TYPOGRAPHIC_SYMS, quoteFor } from './typography.js'
import { parseHtmlAttributes } from './html-tags.js'

export type SpanParserName =
  | 'emphasis'
  | 'codespan'
  | 'autolink'
  | 'span_html'
  | 'footnote_marker'
  | 'link'
  | 'smart_quotes'
  | 'inline_math'
  | 'span_extensions'
  | 'html_entity'
  | 'typographic_syms'
  | 'line_break'
  | 'escaped_chars'
  | 'escaped_chars_gfm'
  | 'strikethrough'

interface SpanParserDef {
  start: RegExp
  spanStart: string
}

const ACHARS = '[\\p{L}\\p{M}\\p{Nd}\\-_.]'
const SPAN_PARSERS: Record<SpanParserName, SpanParserDef> = {
  emphasis: { start: sticky('(?:\\*\\*?|__?)'), spanStart: '\\*|_' },
  codespan: { start: sticky('`+'), spanStart: '`' },
  autolink: {
    start: sticky(`<((mailto|https?|ftps?):.+?|${ACHARS}+?@${ACHARS}+?)>`, 'u'),
    spanStart: '<',
  },
  span_html: { start: sticky(`<(${UNAME}|!--|\\/)`), spanStart: '<' },
  footnote_marker: { start: sticky(`\\[\\^(${ALD_ID_NAME})\\]`), spanStart: '\\[' },
  link: { start: sticky('!?\\[(?=[^^])'), spanStart: '!?\\[' },
  smart_quotes: { start: sticky('[^\\\\]?["\']'), spanStart: '[^\\\\]?["\']' },
  inline_math: { start: sticky('\\$\\$([\\s\\S]*?)\\$\\$'), spanStart: '\\$' },
  span_extensions: { start: sticky('\\{:'), spanStart: '\\{:' },
  html_entity: { start: sticky(HTML_ENTITY_RE), spanStart: '&' },
  typographic_syms: {
    start: sticky('---|--|\\.\\.\\.|\\\\<<|\\\\>>|<< | >>|<<|>>'),
    spanStart: '--|\\.\\.\\.|(?:\\\\| )?(?:<<|>>)',
  },
  line_break: { start: sticky('(  |\\\\\\\\)(?=\\n)'), spanStart: '(  |\\\\\\\\)(?=\\n)' },
  escaped_chars: {
    start: sticky('\\\\([\\\\.*_+`<>()\\[\\]{}#!:|"\'$=\\-])'),
    spanStart: '\\\\',
  },
  // GFM's adds `~` (for strikethrough).
  escaped_chars_gfm: {
    start: sticky('\\\\([\\\\.*_+`<>()\\[\\]{}#!:|"\'$=\\-~])'),
    spanStart: '\\\\',
  },
  strikethrough: {
    start: sticky(`~~(?!${S}|~)[\\s\\S]*?[^ \\t\\n\\v\\f\\r~]~~`),
    spanStart: '~~',
  },
}

interface SpanPattern {
  parsers: SpanParserName[]
  /** `(?=span_start)`, global. */
  startRe: RegExp
  source: string
}

const patternCache = new Map<string, SpanPattern>()
function spanPattern(parsers: SpanParserName[]): SpanPattern {
  const key = parsers.join(',')
  let p = patternCache.get(key)
  if (!p) {
    const source = parsers.map((n) => SPAN_PARSERS[n].spanStart).join('|')
    p = { parsers, source, startRe: global(`(?=${source})`, 'u') }
    patternCache.set(key, p)
  }
  return p
}
/** What a span nested too deep parses: nothing (its text stays text). */
const NO_SPANS: SpanPattern = { parsers: [], source: '(?!)', startRe: global('(?=(?!))', 'u') }
const stopCache = new Map<string, RegExp>()
function stopPattern(stop: RegExp, span: SpanPattern): RegExp {
  const key = `${stop.source}\u0000${span.source}`
  let re = stopCache.get(key)
  if (!re) {
    re = global(`(?=${stop.source}|${span.source})`, 'u')
    stopCache.set(key, re)
  }
  return re
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const WS = /[ \t\n\v\f\r]/
/** The last character (code point) of a string, '' when empty. */
const lastChar = (s: string) =>
  s
    ? String.fromCodePoint(
        s.codePointAt(
          s.length - 1 - (/[\udc00-\udfff]/.test(s.slice(-1)) && s.length > 1 ? 1 : 0),
        )!,
      )
    : ''
const ALPHA = /[\p{L}\p{M}]/u
const ALNUM_AFTER = (delim: string) => sticky(`${escapeRe(delim)}[\\p{L}\\p{M}\\p{Nd}]`, 'u')
const ESCAPED_CHARS_G = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/g

const LINK_BRACKET_STOP_RE = sticky('(\\])|!?\\[')
const LINK_PAREN_STOP_RE = global(`(\\()|(\\))|${S}(?=['"])`)
const LINK_INLINE_ID_RE = sticky(`${S}*?\\[([^\\]]+)?\\]`)
const LINK_INLINE_TITLE_RE = sticky(`${S}*?(["'])([\\s\\S]+?)\\1${S}*?\\)`)
const OPEN_PAREN = sticky('\\(')
const ANGLE_URL = sticky('\\(<(.*?)>')
const CLOSE_PAREN = sticky('\\)')
const HTML_COMMENT = sticky(HTML_COMMENT_RE)
const HTML_TAG = sticky(HTML_TAG_RE, 'u')
const HTML_TAG_CLOSE = sticky(HTML_TAG_CLOSE_RE)
const EXT_SPAN = sticky(EXT_SPAN_START)
const IAL_SPAN = sticky(IAL_SPAN_START)
const WS_HERE = sticky(S)

/**
 * Spans nest no deeper than this (`![![![…`, `**_**_…`): deeper span starts
 * are kept as text. kramdown itself recurses without limit (and Ruby stops
 * with « stack level too deep »), so no real page comes near it.
 */
export const MAX_SPAN_DEPTH = 32

export class SpanParser extends ParserState {
  spanParsers: SpanParserName[] = []
  private spanAll!: SpanPattern

  /**
   * Where a span search is known to fail, per text: kramdown retries a link or
   * an emphasis at every later `[` or `*` of a paragraph that has no closer,
   * each retry scanning to the end — quadratic on `[[[[…` or `*a *a *a…`. A
   * search that fails has already walked the positions a later search would
   * start from, in the same context, so their failure is known (see
   * `noteFailedScan`). Keyed by the kind of search and the context (the
   * enclosing spans), which decide how the text is read.
   */
  private readonly failedScans = new WeakMap<Scanner, Map<string, Set<number>>>()

  /** The enclosing elements (and text type): two searches in the same context read text the same way. */
  private context(): number {
    return this.intern(
      `${this.frameKey(this.stack.length - 1)}:${this.tree?.type ?? ''}:${this.textType}`,
    )
  }

  /** The frames up to `index` as a number, kept on each frame so a context costs no walk. */
  private frameKey(index: number): number {
    const frame = this.stack[index]
    if (!frame) return 0
    return (frame.key ??= this.intern(`${this.frameKey(index - 1)}:${frame.tree?.type ?? ''}`))
  }

  /** Short numbers for contexts: cheap keys, however deep the context. */
  private readonly contexts = new Map<string, number>()
  private intern(text: string): number {
    let id = this.contexts.get(text)
    if (id === undefined) this.contexts.set(text, (id = this.contexts.size + 1))
    return id
  }

  private knownToFail(kind: string, position: number): boolean {
    return this.failedScans.get(this.src)?.get(kind)?.has(position) ?? false
  }

  private noteFailedScan(kind: string, positions: Iterable<number>): void {
    let byKind = this.failedScans.get(this.src)
    if (!byKind) this.failedScans.set(this.src, (byKind = new Map()))
    let known = byKind.get(kind)
    if (!known) byKind.set(kind, (known = new Set()))
    for (const position of positions) known.add(position)
  }

  protected configureSpans(): void {
    const parsers: SpanParserName[] = [
      'emphasis',
      'codespan',
      'autolink',
      'span_html',
      'footnote_marker',
      'link',
      'smart_quotes',
      'inline_math',
      'span_extensions',
      'html_entity',
      'typographic_syms',
      'line_break',
      'escaped_chars',
    ]
    if (this.options.gfm) {
      parsers[parsers.indexOf('escaped_chars')] = 'escaped_chars_gfm'
      parsers.push('strikethrough')
    }
    // GFM: with hard_wrap, every newline becomes a break, so the two-space break parser goes.
    this.spanParsers =
      this.options.gfm && this.options.hardWrap
        ? parsers.filter((p) => p !== 'line_break')
        : parsers
    this.spanAll = spanPattern(this.spanParsers)
  }

  resetEnv(opts: { src?: Scanner; tree?: Element | null; textType?: TextType } = {}): void {
    this.src = opts.src!
    this.tree = opts.tree ?? null
    this.blockIal = null
    this.stack = []
    this.textType = opts.textType ?? 'raw_text'
  }

  saveEnv(): [Scanner, Element | null, Ial | null, Frame[], TextType] {
    return [this.src, this.tree, this.blockIal, this.stack, this.textType]
  }

  restoreEnv(env: [Scanner, Element | null, Ial | null, Frame[], TextType]): void {
    ;[this.src, this.tree, this.blockIal, this.stack, this.textType] = env
  }

  /**
   * parse_spans: text up to the next possible span start goes in as text,
   * then the span parsers are tried in order. With a stop pattern, parsing
   * ends where it matches and `accept` (the Ruby block) agrees.
   */
  parseSpans(
    el: Element,
    stopRe: RegExp | null = null,
    parsers: SpanParserName[] | null = null,
    textType: TextType = this.textType,
    accept?: () => boolean,
    /** Called with each position the search reaches between spans (see `failedScans`). */
    visit?: (position: number) => void,
  ): boolean {
    if (this.tree !== null) this.stack.push({ tree: this.tree, textType: this.textType })
    this.tree = el
    this.textType = textType
    // Too deep: span starts are text here, so no page can nest spans without end.
    const pattern =
      this.stack.length >= MAX_SPAN_DEPTH ? NO_SPANS : parsers ? spanPattern(parsers) : this.spanAll
    const usedRe = stopRe ? stopPattern(stopRe, pattern) : pattern.startRe
    let stopFound = false
    while (!this.src.eos && !stopFound) {
      visit?.(this.src.pos)
      const result = this.src.scanUntil(usedRe)
      if (result !== null) {
        this.addText(result)
        if (stopRe && this.src.check(stopRe) !== null) stopFound = accept ? accept() : true
        let processed = false
        if (!stopFound) {
          for (const name of pattern.parsers) {
            if (this.src.check(SPAN_PARSERS[name].start) !== null) {
              this.runSpanParser(name)
              processed = true
              break
            }
          }
        }
        if (!processed && !stopFound) this.addText(this.src.getch())
      } else {
        if (!stopRe) {
          this.addText(this.src.rest)
          this.src.terminate()
        }
        break
      }
    }
    const frame = this.stack.pop()
    this.tree = frame ? frame.tree : null
    this.textType = frame?.textType ?? this.textType
    return stopFound
  }

  private runSpanParser(name: SpanParserName): void {
    switch (name) {
      case 'emphasis':
        return this.parseEmphasis()
      case 'codespan':
        return this.parseCodespan()
      case 'autolink':
        return this.parseAutolink()
      case 'span_html':
        return this.parseSpanHtml()
      case 'footnote_marker':
        return this.parseFootnoteMarker()
      case 'link':
        return this.parseLink()
      case 'smart_quotes':
        return this.parseSmartQuotes()
      case 'inline_math':
        return this.parseInlineMath()
      case 'span_extensions':
        return this.parseSpanExtensions()
      case 'html_entity':
        return this.parseHtmlEntity()
      case 'typographic_syms':
        return this.parseTypographicSyms()
      case 'line_break':
        this.src.pos += this.src.matchedSize
        this.tree!.children.push(element('br'))
        return
      case 'escaped_chars':
      case 'escaped_chars_gfm':
        this.src.pos += this.src.matchedSize
        this.addText(this.src.group(1)!)
        return
      case 'strikethrough':
        return this.parseStrikethrough()
    }
  }

  private inStack(type: ElementType): boolean {
    return this.stack.some((f) => f.tree?.type === type)
  }

  private parseEmphasis(): void {
    const saved = this.src.pos
    const result = this.src.scan(SPAN_PARSERS.emphasis.start)!
    const elementType: ElementType = result.length === 2 ? 'strong' : 'em'
    const type = result[0]!
    const pre = this.src.preMatchTail(4)
    const afterWord =
      type === '_' &&
      (ALPHA.test(lastChar(pre)) || (pre.endsWith('-') && ALPHA.test(lastChar(pre.slice(0, -1)))))
    if (
      afterWord ||
      this.src.check(WS_HERE) !== null ||
      this.tree!.type === elementType ||
      this.inStack(elementType)
    ) {
      this.addText(result)
      return
    }
    const subParse = (delim: string, elem: ElementType): [boolean, Element, RegExp] => {
      const el = element(elem)
      const stopRe = sticky(escapeRe(delim))
      const double = sticky(`${escapeRe(delim + delim)}(?!${escapeRe(delim)})`)
      const alnum = ALNUM_AFTER(delim)
      // A failed search for this closer passed through every position where a later
      // search would start: whatever it would accept, this one accepted too (its
      // element only had more children), so that search fails as well.
      const kind = `${elem}${delim}|${this.context()}`
      if (this.knownToFail(kind, this.src.pos)) return [false, el, stopRe]
      const visited: number[] = []
      const found = this.parseSpans(
        el,
        stopRe,
        null,
        this.textType,
        () => {
          const before = this.src.preMatchTail(1)
          return (
            !WS.test(before) &&
            (elem !== 'em' || this.src.match(double) === null) &&
            (type !== '_' || this.src.match(alnum) === null) &&
            el.children.length > 0
          )
        },
        (position) => visited.push(position),
      )
      if (!found) this.noteFailedScan(kind, visited)
      return [found, el, stopRe]
    }
    let [found, el, stopRe] = subParse(result, elementType)
    if (!found && elementType === 'strong' && this.tree!.type !== 'em') {
      this.src.pos = saved + 1
      ;[found, el, stopRe] = subParse(type, 'em')
    }
    if (found) {
      this.src.scan(stopRe)
      this.tree!.children.push(el)
    } else {
      this.src.pos = saved + result.length
      this.addText(result)
    }
  }

  private parseCodespan(): void {
    const result = this.src.scan(SPAN_PARSERS.codespan.start)!
    const simple = result.length === 1
    // Only the two characters before matter (`pre` is the whole text before in kramdown).
    const pre = this.src.preMatchTail(2)
    const saved = this.src.pos
    if (
      simple &&
      (/[ \t\n\v\f\r]\n?$/.test(pre) || (this.src.preMatchLength <= 1 && /^\n?$/.test(pre))) &&
      this.src.check(WS_HERE) !== null
    ) {
      this.addText(result)
      return
    }
    let text = this.src.scanUntil(global(escapeRe(result)))
    if (text !== null) {
      text = text.slice(0, text.length - result.length)
      if (!simple) {
        if (text.startsWith(' ')) text = text.slice(1)
        if (text.endsWith(' ')) text = text.slice(0, -1)
      }
      this.tree!.children.push(element('codespan', text))
    } else {
      this.src.pos = saved
      this.addText(result)
    }
  }

  private parseAutolink(): void {
    this.src.check(SPAN_PARSERS.autolink.start)
    this.src.pos += this.src.matchedSize
    const whole = this.src.group(1)!
    const href = this.src.group(2) === undefined ? `mailto:${whole}` : whole
    const el = element('a', null, { href })
    this.addText(whole.replace(/^mailto:/, ''), el)
    this.tree!.children.push(el)
  }

  private parseSpanHtml(): void {
    let result: string | null
    if ((result = this.src.scan(HTML_COMMENT)) !== null) {
      this.tree!.children.push(element('xml_comment', result, null, { category: 'span' }))
    } else if ((result = this.src.scan(HTML_TAG_CLOSE)) !== null) {
      this.addText(result)
    } else if ((result = this.src.scan(HTML_TAG)) !== null) {
      let tagName = this.src.group(1)!
      if (isHtmlElement(tagName.toLowerCase())) tagName = tagName.toLowerCase()
      if (HTML_BLOCK_ELEMENTS.has(tagName)) {
        this.addText(result)
        return
      }
      const closedTag = this.src.group(4) !== undefined
      const attrs = parseHtmlAttributes(this.src.group(2) ?? '', isHtmlElement(tagName))
      for (const k of Object.keys(attrs))
        if (attrs[k] !== '') attrs[k] = attrs[k]!.replace(/\n+/g, ' ')
      let doParsing =
        htmlContentModel(tagName) === 'raw' || this.tree!.options.contentModel === 'raw'
          ? false
          : this.options.parseSpanHtml
      const markdown = attrs.markdown
      delete attrs.markdown
      if (markdown === '1') doParsing = htmlContentModel(tagName) !== 'raw'
      else if (markdown === 'span') doParsing = true
      else if (markdown === '0') doParsing = false
      const el = element('html_element', tagName, attrs, {
        category: 'span',
        contentModel: doParsing ? 'span' : 'raw',
        isClosed: closedTag,
      })
      this.tree!.children.push(el)
      const stopRe = sticky(`<\\/${escapeRe(tagName)}${S}*>`, isHtmlElement(tagName) ? 'i' : '')
      if (!closedTag && !HTML_ELEMENTS_WITHOUT_BODY.has(tagName)) {
        if (this.parseSpans(el, stopRe, doParsing ? null : ['span_html'])) {
          this.src.scan(stopRe)
        } else {
          this.addText(this.src.rest, el)
          this.src.terminate()
        }
      }
    } else {
      this.addText(this.src.getch())
    }
  }

  private parseFootnoteMarker(): void {
    this.src.check(SPAN_PARSERS.footnote_marker.start)
    this.src.pos += this.src.matchedSize
    const name = this.src.group(1)!
    const fn = this.footnotes.get(name)
    if (fn) {
      if (fn.eob) {
        if (fn.eob.options.ial) this.updateAttrWithIal(fn.eob.attr, fn.eob.options.ial)
        fn.attr = fn.eob.attr
        fn.eob = undefined
      }
      fn.marker ??= []
      const marker = element('footnote', null, { ...fn.attr }, { name, content: fn.content })
      fn.marker.push(marker)
      this.tree!.children.push(marker)
    } else {
      this.addText(this.src.matched)
    }
  }

  private addLink(
    el: Element,
    href: string,
    title: string | undefined,
    altText: string,
    ial?: Ial,
  ) {
    if (ial) {
      el.options.ial = ial
      this.updateAttrWithIal(el.attr, ial)
    }
    if (el.type === 'a') el.attr.href = href
    else {
      el.attr.src = href
      el.attr.alt = altText
      el.children = []
    }
    if (title !== undefined) el.attr.title = title
    this.tree!.children.push(el)
  }

  private parseLink(): void {
    const result = this.src.scan(SPAN_PARSERS.link.start)!
    const curPos = this.src.pos
    const saved = this.src.pos
    const linkType = result.startsWith('!') ? 'img' : 'a'
    if (
      linkType === 'a' &&
      (this.tree!.type === 'img' ||
        this.tree!.type === 'a' ||
        this.inStack('img') ||
        this.inStack('a'))
    ) {
      this.addText(result)
      return
    }
    const el = element(linkType)
    const kind = `${linkType}|${this.context()}`
    if (this.knownToFail(kind, curPos)) {
      this.src.pos = saved
      this.addText(result)
      return
    }
    let count = 1
    // The bracket depth at each position the search passes (see `noteFailedLinks`).
    const visited: [position: number, depth: number][] = []
    const found = this.parseSpans(
      el,
      LINK_BRACKET_STOP_RE,
      null,
      this.textType,
      () => {
        count += this.src.group(1) !== undefined ? -1 : 1
        return count - el.children.filter((c) => c.type === 'img').length === 0
      },
      (position) => visited.push([position, count]),
    )
    if (!found) {
      visited.push([this.src.pos, count])
      if (!el.children.some((c) => c.type === 'img')) this.noteFailedLinks(kind, visited)
      this.src.pos = saved
      this.addText(result)
      return
    }
    const altText = this.src.string.slice(curPos, this.src.pos).replace(ESCAPED_CHARS_G, '$1')
    this.src.scan(LINK_BRACKET_STOP_RE)

    if (this.src.scan(LINK_INLINE_ID_RE) !== null || this.src.check(OPEN_PAREN) === null) {
      const id = this.src.group(1)
      const linkId = normalizeLinkId(id ?? altText)
      const def = this.linkDefs.get(linkId)
      if (def) {
        this.addLink(el, def[0], def[1], altText, def[2]?.options.ial)
      } else {
        this.src.pos = saved
        this.addText(result)
      }
      return
    }

    let linkUrl: string
    let failedUrl: [number, number][] | null = null
    if (this.src.scan(ANGLE_URL) !== null) {
      linkUrl = this.src.group(1)!
      if (this.src.scan(CLOSE_PAREN) !== null) {
        this.addLink(el, linkUrl, undefined, altText)
        return
      }
    } else {
      const opening = this.src.pos
      if (this.knownToFail('url', opening)) {
        this.src.pos = saved
        this.addText(result)
        return
      }
      linkUrl = ''
      let brackets = 0
      let temp: string | null
      // Each `(` and `)` with the depth after it: a failed address search tells
      // which later `(` cannot close either (see `noteFailedLinks`).
      const depths: [position: number, depth: number][] = []
      while ((temp = this.src.scanUntil(LINK_PAREN_STOP_RE)) !== null) {
        linkUrl += temp
        if (this.src.group(2) !== undefined) {
          brackets -= 1
          depths.push([-1, brackets])
          if (brackets === 0) break
        } else if (this.src.group(1) !== undefined) {
          brackets += 1
          depths.push([this.src.pos - 1, brackets])
        } else break
      }
      if (brackets !== 0) failedUrl = depths
      linkUrl = linkUrl.slice(1, -1).replace(/^[ \t\n\v\f\r\0]+|[ \t\n\v\f\r\0]+$/g, '')
      if (brackets === 0) {
        this.addLink(el, linkUrl, undefined, altText)
        return
      }
    }
    if (this.src.scan(LINK_INLINE_TITLE_RE) !== null) {
      this.addLink(el, linkUrl, this.src.group(2), altText)
    } else {
      // An address search from a later `(` ends at the same place, before the same title test.
      if (failedUrl) this.noteFailedUrl(failedUrl)
      this.src.pos = saved
      this.addText(result)
    }
  }

  /**
   * A link text search that found no closing bracket walked past later `[`s:
   * a search starting after one of them, at depth d, closes where this one
   * came back to depth d - 1 — if it never did, that search fails too. (Only
   * without images inside, whose brackets the closing test discounts.)
   */
  private noteFailedLinks(kind: string, visited: [number, number][]): void {
    const failing: number[] = []
    let lowest = Infinity
    for (let index = visited.length - 1; index >= 0; index--) {
      const [position, depth] = visited[index]!
      lowest = Math.min(lowest, depth)
      if (lowest >= depth) failing.push(position)
    }
    this.noteFailedScan(kind, failing)
  }

  /** A `(` at depth d closes where the depth comes back to d - 1; if it never does, it fails. */
  private noteFailedUrl(depths: [number, number][]): void {
    const failing: number[] = []
    let lowest = Infinity
    for (let index = depths.length - 1; index >= 0; index--) {
      const [position, depth] = depths[index]!
      if (position >= 0 && lowest >= depth) failing.push(position)
      lowest = Math.min(lowest, depth)
    }
    this.noteFailedScan('url', failing)
  }

  private parseSmartQuotes(): void {
    for (const [re, substs] of SQ_RULES) {
      if (this.src.scan(re) === null) continue
      const groups = [this.src.group(0), this.src.group(1), this.src.group(2)]
      for (const subst of substs) {
        if (typeof subst === 'number') this.addText(groups[subst] ?? '')
        else {
          const n = Number(subst.slice(-1))
          const value = quoteFor(subst, Number.isNaN(n) ? '' : (groups[n] ?? ''))
          this.tree!.children.push(element('smart_quote', value))
        }
      }
      return
    }
  }

  private parseInlineMath(): void {
    this.src.check(SPAN_PARSERS.inline_math.start)
    this.src.pos += this.src.matchedSize
    this.tree!.children.push(element('math', this.src.group(1)!.trim(), null, { category: 'span' }))
  }

  private parseSpanExtensions(): void {
    if (this.src.check(EXT_SPAN) !== null) {
      this.parseExtensionStartTag('span')
    } else if (this.src.check(IAL_SPAN) !== null) {
      const last = this.tree!.children[this.tree!.children.length - 1]
      if (last && last.type !== 'text') {
        this.src.pos += this.src.matchedSize
        const attr: Ial = { attrs: {} }
        this.parseAttributeList(this.src.group(1)!, attr)
        this.updateIalWithIal((last.options.ial ??= { attrs: {} }), attr)
        this.updateAttrWithIal(last.attr, attr)
      } else {
        this.addText(this.src.getch())
      }
    } else {
      this.addText(this.src.getch())
    }
  }

  private parseHtmlEntity(): void {
    this.src.check(SPAN_PARSERS.html_entity.start)
    this.src.pos += this.src.matchedSize
    const matched = this.src.matched
    const [name, dec, hex] = [this.src.group(1), this.src.group(2), this.src.group(3)]
    const entity =
      name !== undefined
        ? entityByName(name)
        : entityByCode(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16))
    if (entity) {
      this.tree!.children.push(element('entity', null, null, { entity, original: matched }))
    } else {
      this.tree!.children.push(element('entity', null, null, { entity: entityByName('amp')! }))
      this.addText(matched.slice(1))
    }
  }

  private parseTypographicSyms(): void {
    this.src.check(SPAN_PARSERS.typographic_syms.start)
    this.src.pos += this.src.matchedSize
    const val = TYPOGRAPHIC_SYMS.get(this.src.matched)!
    if (val === 'lt' || val === 'gt') {
      const e = entityByName(val)!
      this.tree!.children.push(element('entity', null, null, { entity: e }))
      this.tree!.children.push(element('entity', null, null, { entity: e }))
    } else {
      this.tree!.children.push(element('typographic_sym', val))
    }
  }

  private parseStrikethrough(): void {
    this.src.check(SPAN_PARSERS.strikethrough.start)
    this.src.pos += this.src.matchedSize
    const inner = this.src.matched.slice(2, -2)
    const el = element('html_element', 'del', {}, { category: 'span' })
    this.tree!.children.push(el)
    const env = this.saveEnv()
    this.resetEnv({ src: new Scanner(inner), textType: 'text' })
    this.parseSpans(el)
    this.restoreEnv(env)
  }

  /** Implemented by the block parser (extensions behave the same in both contexts). */
  parseExtensionStartTag(_type: 'block' | 'span'): boolean {
    throw new Error('parseExtensionStartTag is provided by the block parser')
  }
}

export function normalizeLinkId(id: string): string {
  return id.replace(/[ \t\n\v\f\r]+/g, ' ').toLowerCase()
}

export { WS_HERE }
