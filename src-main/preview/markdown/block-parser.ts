/**
 * Block-level parsing: a port of kramdown's `parse_blocks` cascade, then the
 * tree updates kramdown runs after parsing (span parsing of the collected
 * text, IALs, abbreviations). Two inputs, as Jekyll's `kramdown: input:`:
 * - `GFM` (Jekyll's default, kramdown-parser-gfm): fenced code with ``` and
 *   ~~~ (indented up to 3 spaces), ATX headers that need a space and no blank
 *   line before, paragraphs ended by lists/headers/quotes/fences, task lists,
 *   GFM header ids and `\` line breaks (update_elements);
 * - `kramdown` (kramdown's own parser): fences of ~~~ only, ATX headers after
 *   a block boundary only, paragraphs ended only by kramdown's lazy ends and
 *   definitions, header ids left to the writer (generate_id on the source).
 */
import type { Alignment, Element, Ial } from './element.js'
import { category, element, pushAll } from './element.js'
import { parseHtmlAttributes } from './html-tags.js'
import { gfmHeaderId } from './ids.js'
import type { ParserOptions } from './parser-state.js'
import * as P from './patterns.js'
import { Scanner } from './scanner.js'
import { SpanParser, normalizeLinkId } from './span-parser.js'
import { TYPOGRAPHIC_RAW_TEXT, type TypographicSym } from './typography.js'
import { entityChar } from './entities.js'

const { sticky, global } = P

type BlockParserName =
  | 'blank_line'
  | 'codeblock'
  | 'codeblock_fenced'
  | 'blockquote'
  | 'atx_header'
  | 'horizontal_rule'
  | 'list'
  | 'definition_list'
  | 'block_html'
  | 'setext_header'
  | 'block_math'
  | 'table'
  | 'footnote_definition'
  | 'link_definition'
  | 'abbrev_definition'
  | 'block_extensions'
  | 'eob_marker'
  | 'paragraph'

const GFM_BLOCK_PARSERS: ReadonlyArray<readonly [BlockParserName, RegExp]> = [
  ['blank_line', sticky(P.BLANK_LINE)],
  ['codeblock', sticky(P.INDENT)],
  ['codeblock_fenced', sticky(P.FENCED_CODEBLOCK_START)],
  ['blockquote', sticky(P.BLOCKQUOTE_START)],
  ['atx_header', sticky(P.ATX_HEADER_START)],
  ['horizontal_rule', sticky(P.HR_START)],
  ['list', sticky(P.LIST_START)],
  ['definition_list', sticky(P.DEFINITION_LIST_START)],
  ['block_html', sticky(P.HTML_BLOCK_START)],
  ['setext_header', sticky(P.SETEXT_HEADER_START)],
  ['block_math', sticky(P.BLOCK_MATH_START)],
  ['table', sticky(P.TABLE_START)],
  ['footnote_definition', sticky(P.FOOTNOTE_DEFINITION_START)],
  ['link_definition', sticky(P.LINK_DEFINITION_START)],
  ['abbrev_definition', sticky(P.ABBREV_DEFINITION_START)],
  ['block_extensions', sticky(P.BLOCK_EXTENSIONS_START)],
  ['eob_marker', sticky(P.EOB_MARKER)],
  ['paragraph', sticky(P.PARAGRAPH_START)],
]

/** kramdown's own cascade: the same parsers, with its fences and ATX headers. */
const KRAMDOWN_BLOCK_PARSERS: ReadonlyArray<readonly [BlockParserName, RegExp]> =
  GFM_BLOCK_PARSERS.map(([name, re]) =>
    name === 'codeblock_fenced'
      ? ([name, sticky(P.KD_FENCED_CODEBLOCK_START)] as const)
      : name === 'atx_header'
        ? ([name, sticky(P.KD_ATX_HEADER_START)] as const)
        : ([name, re] as const),
  )

const RE = {
  blankLine: sticky(P.BLANK_LINE),
  eob: sticky(P.EOB_MARKER),
  paragraphMatch: sticky(P.PARAGRAPH_MATCH),
  // GFM's PARAGRAPH_END (the paragraph_end quirk is on by default).
  paragraphEndGfm: sticky(
    [
      P.LAZY_END,
      P.LIST_START,
      P.ATX_HEADER_START.replace(/\?<\w+>/g, ''),
      P.DEFINITION_LIST_START,
      P.BLOCKQUOTE_START,
      P.FENCED_CODEBLOCK_START,
    ].join('|'),
  ),
  // kramdown's PARAGRAPH_END.
  paragraphEndKramdown: sticky(`${P.LAZY_END}|${P.DEFINITION_LIST_START}`),
  lazyEnd: sticky(P.LAZY_END),
  blockquoteStartG: global(P.BLOCKQUOTE_START),
  codeblockMatch: sticky(P.CODEBLOCK_MATCH),
  fencedMatchGfm: sticky(P.FENCED_CODEBLOCK_MATCH),
  fencedMatchKramdown: sticky(P.KD_FENCED_CODEBLOCK_MATCH),
  headerId: new RegExp(P.HEADER_ID),
  hr: sticky(P.HR_START),
  listUl: sticky(P.LIST_START_UL),
  listOl: sticky(P.LIST_START_OL),
  listStartStr: new RegExp(`^(?:${P.LIST_START_UL.slice(1)}|${P.LIST_START_OL.slice(1)})`, 'm'),
  listItemIal: new RegExp(P.LIST_ITEM_IAL),
  listItemIalCheck: new RegExp(P.LIST_ITEM_IAL_CHECK),
  defStart: sticky(P.DEFINITION_LIST_START),
  aldStart: sticky(P.ALD_START),
  extBlockStart: sticky(P.EXT_BLOCK_START),
  ialBlockStart: sticky(P.IAL_BLOCK_START),
  blockBoundary: sticky(P.BLOCK_BOUNDARY),
  htmlComment: sticky(P.HTML_COMMENT_RE),
  htmlTagHere: sticky(`${P.OPT_SPACE}${P.HTML_TAG_RE}`, 'u'),
  htmlTagCloseHere: sticky(`${P.OPT_SPACE}${P.HTML_TAG_CLOSE_RE}`),
  htmlTag: sticky(P.HTML_TAG_RE, 'u'),
  htmlTagClose: sticky(P.HTML_TAG_CLOSE_RE),
  htmlInstruction: sticky(P.HTML_INSTRUCTION_RE),
  htmlRawStart: global(`(?=<(${P.UNAME}|\\/|!--|\\?))`),
  trailingWhitespace: sticky('[ \\t]*\\n'),
  tableLine: sticky(P.TABLE_LINE),
  tableSepLine: sticky(P.TABLE_SEP_LINE),
  tableFsepLine: sticky(P.TABLE_FSEP_LINE),
  tableRowLine: sticky(P.TABLE_ROW_LINE),
  tableHsepAlign: global(P.TABLE_HSEP_ALIGN),
  tablePipeCheck: new RegExp(`^${P.TABLE_PIPE_CHECK}`),
  blockMathBackslash: sticky(`^${P.OPT_SPACE}\\\\`),
  indentG: global(P.INDENT),
  extSpan: sticky(P.EXT_SPAN_START),
}

const LIST_PATTERN_CACHE = new Map<number, [RegExp, RegExp, RegExp]>()
/** PARSE_FIRST_LIST_LINE_REGEXP_CACHE: continuation, lazy and indentation patterns of an item. */
function listLinePatterns(indentation: number): [RegExp, RegExp, RegExp] {
  let p = LIST_PATTERN_CACHE.get(indentation)
  if (!p) {
    const q = Math.floor(indentation / 4)
    const r = indentation % 4
    p = [
      sticky(`^(?:(?:\\t| {4}){${q}} {${r}}|(?:\\t| {4}){${q + 1}}).*${P.NS}.*\\n`),
      sticky(
        `(?!^ {0,${Math.min(indentation, 3)}}(?:${P.IAL_BLOCK}|${P.LAZY_END_HTML_STOP}|${P.LAZY_END_HTML_START})).*${P.NS}.*\\n`,
      ),
      new RegExp(`^ {${indentation}}`),
    ]
    LIST_PATTERN_CACHE.set(indentation, p)
  }
  return p
}

const FETCH_CACHE = new Map<string, RegExp>()
/** fetch_pattern: the marker of the following items may be indented less than the content. */
function fetchPattern(type: 'ul' | 'ol' | 'dl', indentation: number): RegExp {
  const key = `${type}${indentation}`
  let re = FETCH_CACHE.get(key)
  if (!re) {
    const max = indentation >= 4 ? 3 : indentation - 1
    const marker = type === 'ul' ? '[+*-]' : type === 'ol' ? '\\d+\\.' : ':'
    re = sticky(`^( {0,${Math.max(max, 0)}}${marker})(${P.PATTERN_TAIL})`)
    FETCH_CACHE.set(key, re)
  }
  return re
}

/**
 * Blocks nest no deeper than this. kramdown recurses without limit (Ruby
 * stops with « stack level too deep » long before a JavaScript stack would),
 * so no page Jekyll can build comes near it.
 */
export const MAX_BLOCK_DEPTH = 32

/**
 * Raw HTML elements (kramdown's `parse_block_html: false`, Jekyll's default) nest
 * no deeper than this: deeper, a start tag is text. kramdown recurses once per
 * open element, so ten thousand `<div>` left open overflowed the stack.
 */
export const MAX_RAW_HTML_DEPTH = 100

export class BlockParser extends SpanParser {
  private readonly blockParsers: ReadonlyArray<readonly [BlockParserName, RegExp]>
  private readonly paragraphEnd: RegExp
  private readonly fencedMatch: RegExp

  constructor(options: ParserOptions) {
    super(options)
    this.configureSpans()
    const gfm = options.gfm
    this.blockParsers = gfm ? GFM_BLOCK_PARSERS : KRAMDOWN_BLOCK_PARSERS
    this.paragraphEnd = gfm ? RE.paragraphEndGfm : RE.paragraphEndKramdown
    this.fencedMatch = gfm ? RE.fencedMatchGfm : RE.fencedMatchKramdown
  }

  parse(source: string): Element {
    this.parseBlocks(this.root, adaptSource(source))
    this.updateTree(this.root)
    for (const [k, eob] of this.abbrevEobs) this.abbrevAttrs.set(k, eob.attr)
    this.replaceAbbreviations(this.root)
    for (const data of this.footnotes.values()) {
      this.updateTree(data.content)
      this.replaceAbbreviations(data.content)
    }
    // kramdown's parser stops here: its header ids come from the writer (generate_id).
    if (this.options.gfm) this.updateElements(this.root)
    return this.root
  }

  readonly abbrevAttrs = new Map<string, Record<string, string>>()

  // ---- the cascade --------------------------------------------------------

  parseBlocks(el: Element, text: string | null = null): boolean | 'found' {
    this.stack.push({ tree: this.tree, src: this.src, blockIal: this.blockIal })
    this.tree = el
    this.blockIal = null
    if (text !== null) this.src = new Scanner(text)
    let status: boolean | 'found' = false
    this.blockDepth++
    try {
      if (this.blockDepth > MAX_BLOCK_DEPTH) this.keepAsText()
      while (!this.src.eos) {
        let handled = false
        for (const [name, start] of this.blockParsers) {
          if (this.src.check(start) !== null && this.runBlockParser(name)) {
            handled = true
            break
          }
        }
        if (!handled) this.addText(this.src.scan(/.*\n/y) ?? this.src.getch())
      }
    } catch (e) {
      if (e instanceof StopBlockParsing) status = 'found'
      else throw e
    } finally {
      this.blockDepth--
    }
    const frame = this.stack.pop()!
    this.tree = frame.tree
    this.src = frame.src!
    this.blockIal = frame.blockIal ?? null
    return status
  }

  /** How deep blocks are being parsed (quotes in lists in quotes…): see MAX_BLOCK_DEPTH. */
  private blockDepth = 0

  /**
   * Deeper than MAX_BLOCK_DEPTH, the rest of the block is one paragraph of
   * its text: no stack overflow on a page of ten thousand `>`, and no
   * quadratic re-reading of each level's lines.
   */
  private keepAsText(): void {
    const text = this.src.rest.trim()
    this.src.terminate()
    if (text === '') return
    this.tree!.children.push(this.newBlockEl('p'))
    this.addText(text, this.lastChild()!)
  }

  private runBlockParser(name: BlockParserName): boolean {
    switch (name) {
      case 'blank_line':
        return this.parseBlankLine()
      case 'codeblock':
        return this.parseCodeblock()
      case 'codeblock_fenced':
        return this.parseCodeblockFenced()
      case 'blockquote':
        return this.parseBlockquote()
      case 'atx_header':
        return this.parseAtxHeader()
      case 'horizontal_rule':
        this.src.pos += this.src.matchedSize
        this.tree!.children.push(this.newBlockEl('hr'))
        return true
      case 'list':
        return this.parseList()
      case 'definition_list':
        return this.parseDefinitionList()
      case 'block_html':
        return this.parseBlockHtml()
      case 'setext_header':
        return this.parseSetextHeader()
      case 'block_math':
        return this.parseBlockMath()
      case 'table':
        return this.parseTable()
      case 'footnote_definition':
        return this.parseFootnoteDefinition()
      case 'link_definition':
        return this.parseLinkDefinition()
      case 'abbrev_definition':
        return this.parseAbbrevDefinition()
      case 'block_extensions':
        return this.parseBlockExtensions()
      case 'eob_marker':
        this.src.pos += this.src.matchedSize
        this.tree!.children.push(this.newBlockEl('eob'))
        return true
      case 'paragraph':
        return this.parseParagraph()
    }
  }

  private lastChild(): Element | undefined {
    return this.tree!.children[this.tree!.children.length - 1]
  }

  private afterBlockBoundary(): boolean {
    const last = this.lastChild()
    return (
      !last ||
      last.type === 'blank' ||
      (last.type === 'eob' && last.value === null) ||
      this.blockIal !== null
    )
  }

  private beforeBlockBoundary(): boolean {
    return this.src.check(RE.blockBoundary) !== null
  }

  // ---- simple blocks ------------------------------------------------------

  private parseBlankLine(): boolean {
    this.src.pos += this.src.matchedSize
    const last = this.lastChild()
    if (last && last.type === 'blank') last.value += this.src.matched
    else this.tree!.children.push(this.newBlockEl('blank', this.src.matched))
    return true
  }

  private parseParagraph(): boolean {
    const pos = this.src.pos
    let result = this.src.scan(RE.paragraphMatch)!
    while (this.src.match(this.paragraphEnd) === null) {
      result += this.src.scan(RE.paragraphMatch)
    }
    result = result.trimEnd()
    const last = this.lastChild()
    if (last && last.type === 'p') {
      const lastItem = last.children[last.children.length - 1]
      if (lastItem && lastItem.type === this.textType) {
        const joiner = this.src.string.slice(pos - 3, pos) === '  \n' ? '  \n' : '\n'
        lastItem.value += joiner + result
      } else {
        this.addText(result, last)
      }
    } else {
      this.tree!.children.push(this.newBlockEl('p'))
      this.addText(result.trimStart(), this.lastChild()!)
    }
    return true
  }

  private parseCodeblock(): boolean {
    let data = this.src.scan(RE.codeblockMatch)!
    data = data.replace(/\n( {0,3}[^ \t\n\v\f\r])/g, ' $1')
    data = data.replace(RE.indentG, '')
    this.tree!.children.push(this.newBlockEl('codeblock', data))
    return true
  }

  private parseCodeblockFenced(): boolean {
    if (this.src.check(this.fencedMatch) === null) return false
    this.src.pos += this.src.matchedSize
    const el = this.newBlockEl('codeblock', this.src.group(5)!)
    const lang = (this.src.group(3) ?? '').trim()
    if (lang !== '') {
      el.options.lang = lang
      el.attr.class = `language-${this.src.group(4)}`
    }
    this.tree!.children.push(el)
    return true
  }

  private parseBlockquote(): boolean {
    let result = this.src.scan(RE.paragraphMatch)!
    while (this.src.match(RE.lazyEnd) === null) result += this.src.scan(RE.paragraphMatch)
    result = result.replace(RE.blockquoteStartG, '')
    const el = this.newBlockEl('blockquote')
    this.tree!.children.push(el)
    this.parseBlocks(el, result)
    return true
  }

  private parseHeaderContents(): [string, string | undefined] {
    let text = this.src.group('contents')!.trimEnd()
    const m = RE.headerId.exec(text)
    let id: string | undefined
    if (m) {
      id = m.groups!.id
      text = text.slice(0, text.length - m[0].length).trimEnd()
    }
    return [text, id]
  }

  private addHeader(level: number, text: string, id: string | undefined): void {
    this.src.pos += this.src.matchedSize
    const el = this.newBlockEl('header', null, null, { level, rawText: text })
    this.addText(text, el)
    if (id !== undefined) el.attr.id = id
    this.tree!.children.push(el)
  }

  /**
   * GFM's header with the paragraph_end quirk: no blank line needed before it.
   * kramdown's needs a block boundary before it and strips closing hashes
   * that are not escaped, with or without a space before them.
   */
  private parseAtxHeader(): boolean {
    if (!this.options.gfm) {
      if (!this.afterBlockBoundary()) return false
      const [contents, id] = this.parseHeaderContents()
      let text = contents
      const stripped = text.replace(/(?<!\\)#+$/, '')
      if (stripped !== text) text = stripped.trimEnd()
      if (text === '') return false
      this.addHeader(this.src.group('level')!.length, text, id)
      return true
    }
    const [contents, id] = this.parseHeaderContents()
    let text = contents
    const stripped = text.replace(/[\t ]#+$/, '')
    if (stripped !== text) text = stripped.trimEnd()
    if (text === '') return false
    this.addHeader(this.src.group('level')!.length, text, id)
    return true
  }

  private parseSetextHeader(): boolean {
    if (!this.afterBlockBoundary()) return false
    const [text, id] = this.parseHeaderContents()
    if (text === '') return false
    this.addHeader(this.src.group('level') === '-' ? 2 : 1, text, id)
    return true
  }

  private parseBlockMath(): boolean {
    if (!this.afterBlockBoundary()) return false
    if (this.src.group(1) !== undefined) {
      if (this.src.group(3) !== undefined) this.src.scan(RE.blockMathBackslash)
      return false
    }
    const saved = this.src.pos
    this.src.pos += this.src.matchedSize
    const data = this.src.group(2)!.trim()
    if (this.beforeBlockBoundary()) {
      this.tree!.children.push(this.newBlockEl('math', data, null, { category: 'block' }))
      return true
    }
    this.src.pos = saved
    return false
  }

  // ---- definitions --------------------------------------------------------

  private parseFootnoteDefinition(): boolean {
    this.src.pos += this.src.matchedSize
    const name = this.src.group(1)!
    const body = this.src.group(2)!.replace(RE.indentG, '')
    const el = element('footnote_def')
    this.parseBlocks(el, body)
    const eob = this.newBlockEl('eob', 'footnote_def')
    this.tree!.children.push(eob)
    this.footnotes.set(name, { content: el, eob })
    return true
  }

  private parseLinkDefinition(): boolean {
    if (/[ \t]+["']/.test(this.src.group(3) ?? '')) return false
    this.src.pos += this.src.matchedSize
    const id = normalizeLinkId(this.src.group(1)!)
    const url = this.src.group(2) ?? this.src.group(3)!
    const title = this.src.group(5)
    const eob = this.newBlockEl('eob', 'link_def')
    this.tree!.children.push(eob)
    this.linkDefs.set(id, [url, title, eob])
    return true
  }

  private parseAbbrevDefinition(): boolean {
    this.src.pos += this.src.matchedSize
    const id = this.src.group(1)!
    const text = this.src.group(2)!.trim()
    const eob = this.newBlockEl('eob', 'abbrev_def')
    this.tree!.children.push(eob)
    this.abbrevDefs.set(id, text)
    this.abbrevEobs.set(id, eob)
    return true
  }

  // ---- extensions and attribute lists -------------------------------------

  private parseBlockExtensions(): boolean {
    if (this.src.scan(RE.aldStart) !== null) {
      const name = this.src.group(1)!
      const ald = this.alds.get(name) ?? { attrs: {} }
      this.alds.set(name, ald)
      this.parseAttributeList(this.src.group(2)!, ald)
      this.tree!.children.push(this.newBlockEl('eob', 'ald'))
      return true
    }
    if (this.src.check(RE.extBlockStart) !== null) return this.parseExtensionStartTag('block')
    if (this.src.scan(RE.ialBlockStart) !== null) {
      const last = this.lastChild()
      const attrs = this.src.group(1)!
      if (
        last &&
        last.type !== 'blank' &&
        (last.type !== 'eob' || ['link_def', 'abbrev_def', 'footnote_def'].includes(last.value!))
      ) {
        this.parseAttributeList(attrs, (last.options.ial ??= { attrs: {} }))
        if (this.src.check(RE.ialBlockStart) === null)
          this.tree!.children.push(this.newBlockEl('eob', 'ial'))
      } else {
        this.parseAttributeList(attrs, (this.blockIal ??= { attrs: {} }))
      }
      return true
    }
    return false
  }

  override parseExtensionStartTag(type: 'block' | 'span'): boolean {
    const saved = this.src.pos
    this.src.pos += this.src.matchedSize
    const [ext, attrs, closed, stopName] = [
      this.src.group(1),
      this.src.group(2),
      this.src.group(3),
      this.src.group(4),
    ]
    const fail = () => {
      this.src.pos = saved
      if (type === 'span') this.addText(this.src.getch())
      return false
    }
    if (stopName !== undefined || this.src.matched === '{:/}' || ext === undefined) return fail()
    const opts: Ial = { attrs: {} }
    this.parseAttributeList(attrs ?? '', opts)
    let body: string | null = null
    if (closed === undefined) {
      const stopRe = type === 'block' ? global(P.extBlockStop(ext)) : global(P.extStop(ext))
      const result = this.src.scanUntil(stopRe)
      if (result === null) return fail()
      body = result.slice(0, result.length - this.src.matched.length)
      if (type === 'block') body = body.replace(/\n$/, '')
    }
    if (!this.handleExtension(ext, opts, body, type)) return fail()
    return true
  }

  private handleExtension(
    name: string,
    opts: Ial,
    body: string | null,
    type: 'block' | 'span',
  ): boolean {
    switch (name) {
      case 'comment':
        if (body !== null)
          this.tree!.children.push(element('comment', body, null, { category: type }))
        return true
      case 'nomarkdown':
        if (body !== null) {
          const rawType = (opts.attrs.type ?? '').split(/[ \t\n\v\f\r]+/).filter((t) => t !== '')
          this.tree!.children.push(element('raw', body, null, { category: type, rawType }))
        }
        return true
      case 'options':
        for (const [k, v] of Object.entries(opts.attrs)) {
          const on = v === 'true' ? true : v === 'false' ? false : undefined
          if (on === undefined) continue
          if (k === 'parse_block_html') this.options.parseBlockHtml = on
          else if (k === 'parse_span_html') this.options.parseSpanHtml = on
          else if (k === 'auto_ids') this.options.autoIds = on
        }
        if (type === 'block') this.tree!.children.push(this.newBlockEl('eob', 'extension'))
        return true
      default:
        return false
    }
  }

  // ---- lists --------------------------------------------------------------

  private parseFirstListLine(
    indentation: number,
    content: string,
  ): [string, number, RegExp, RegExp, RegExp] {
    if (RE.listItemIalCheck.test(content)) {
      indentation = 4
    } else {
      while (/^ *\t/.test(content)) {
        const temp = /^ */.exec(content)![0].length + indentation
        content = content.replace(/^( *)(\t+)/, (_m, sp: string, tabs: string) => {
          return sp + ' '.repeat(4 - (temp % 4) + (tabs.length - 1) * 4)
        })
      }
      indentation += /^ */.exec(content)![0].length
    }
    content = content.replace(/^[ \t\n\v\f\r]*/, '')
    return [content, indentation, ...listLinePatterns(indentation)]
  }

  private parseList(): boolean {
    const isUl = this.src.check(RE.listUl) !== null
    const type = isUl ? 'ul' : 'ol'
    let listStartRe = isUl ? RE.listUl : RE.listOl
    const list = this.newBlockEl(type)
    let item: Element | null = null
    let contentRe: RegExp | null = null
    let lazyRe: RegExp | null = null
    let indentRe: RegExp | null = null
    let indentation = 0
    let eobFound = false
    let nestedListFound = false
    let lastIsBlank = false
    while (!this.src.eos) {
      let result: string | null
      if (lastIsBlank && this.src.check(RE.hr) !== null) break
      else if (this.src.scan(RE.eob) !== null) {
        eobFound = true
        break
      } else if (this.src.scan(listStartRe) !== null) {
        item = element('li')
        let first: string
        ;[first, indentation, contentRe, lazyRe, indentRe] = this.parseFirstListLine(
          this.src.group(1)!.length,
          this.src.group(2)!,
        )
        list.children.push(item)
        first = first.replace(RE.listItemIal, (_m, ial: string) => {
          this.parseAttributeList(ial, (item!.options.ial ??= { attrs: {} }))
          return ''
        })
        listStartRe = fetchPattern(type, indentation)
        nestedListFound = RE.listStartStr.test(first)
        lastIsBlank = false
        item.options.lines = [first]
      } else if (
        (result = this.src.scan(contentRe!)) !== null ||
        (!lastIsBlank && (result = this.src.scan(lazyRe!)) !== null)
      ) {
        result = result.replace(/^(\t+)/, (_m, t: string) => ' '.repeat(4 * t.length))
        const indented = indentRe!.test(result)
        if (indented) result = result.replace(indentRe!, '')
        const lines = item!.options.lines!
        if (!nestedListFound && indented && RE.listStartStr.test(result)) {
          lines.push('')
          nestedListFound = true
        } else if (nestedListFound && !indented && RE.listStartStr.test(result)) {
          result = ' '.repeat(indentation + 4) + result
        }
        lines[lines.length - 1] += result
        lastIsBlank = false
      } else if ((result = this.src.scan(RE.blankLine)) !== null) {
        nestedListFound = true
        lastIsBlank = true
        const lines = item!.options.lines!
        lines[lines.length - 1] += result
      } else break
    }
    this.tree!.children.push(list)

    let last: Element | null = null
    for (const it of list.children) {
      const temp = element('temp')
      const env = this.saveEnv()
      for (const val of it.options.lines!) {
        this.src = new Scanner(val)
        this.parseBlocks(temp)
      }
      this.restoreEnv(env)
      it.children = temp.children
      it.options.lines = undefined
      const ch = it.children
      if (ch.length === 0) continue
      if (ch[0]!.type === 'p' && ch.length >= 2 && ch[1]!.type === 'eob' && ch[0]!.options.ial)
        ch.splice(1, 1)
      if (
        ch[0]!.type === 'p' &&
        (ch.length < 2 ||
          ch[1]!.type !== 'blank' ||
          (it === list.children[list.children.length - 1] && ch.length === 2 && !eobFound)) &&
        (list.children[list.children.length - 1] !== it ||
          list.children.length === 1 ||
          list.children
            .slice(0, -1)
            .some(
              (c) =>
                !c.children[0] || c.children[0].type !== 'p' || c.children[0].options.transparent,
            ))
      ) {
        if (ch.length > 1 && ch[1]!.type !== 'blank') ch[0]!.children[0]!.value += '\n'
        ch[0]!.options.transparent = true
      }
      last = ch[ch.length - 1]!.type === 'blank' ? ch.pop()! : null
    }
    if (last !== null && !eobFound) this.tree!.children.push(last)
    if (this.options.gfm) markTaskList(list)
    return true
  }

  private parseDefinitionList(): boolean {
    const children = this.tree!.children
    const n = children.length
    if (
      n === 0 ||
      (n === 1 && children[n - 1]!.type !== 'p') ||
      (n >= 2 &&
        children[n - 1]!.type !== 'p' &&
        (children[n - 1]!.type !== 'blank' ||
          children[n - 1]!.value !== '\n' ||
          children[n - 2]!.type !== 'p'))
    ) {
      return false
    }
    let firstAsPara = false
    const deflist = this.newBlockEl('dl')
    let para = children.pop()!
    if (para.type === 'blank') {
      para = children.pop()!
      firstAsPara = true
    }
    for (let term of (para.children[0]!.value ?? '').split('\n')) {
      const dt = element('dt')
      term = term.replace(RE.listItemIal, (_m, ial: string) => {
        this.parseAttributeList(ial, (dt.options.ial ??= { attrs: {} }))
        return ''
      })
      dt.options.rawText = term
      dt.children.push(element('raw_text', term))
      deflist.children.push(dt)
    }
    if (para.options.ial) deflist.options.ial = para.options.ial
    let item: Element | null = null
    let contentRe: RegExp | null = null
    let lazyRe: RegExp | null = null
    let indentRe: RegExp | null = null
    let indentation: number
    let defStartRe = RE.defStart
    let lastIsBlank = false
    while (!this.src.eos) {
      let result: string | null
      if (this.src.scan(defStartRe) !== null) {
        item = element('dd')
        item.options.firstAsPara = firstAsPara
        let first: string
        ;[first, indentation, contentRe, lazyRe, indentRe] = this.parseFirstListLine(
          this.src.group(1)!.length,
          this.src.group(2)!,
        )
        deflist.children.push(item)
        first = first.replace(RE.listItemIal, (_m, ial: string) => {
          this.parseAttributeList(ial, (item!.options.ial ??= { attrs: {} }))
          return ''
        })
        item.options.lines = [first]
        defStartRe = fetchPattern('dl', indentation)
        firstAsPara = false
        lastIsBlank = false
      } else if (this.src.check(RE.eob) !== null) {
        break
      } else if (
        (result = this.src.scan(contentRe!)) !== null ||
        (!lastIsBlank && (result = this.src.scan(lazyRe!)) !== null)
      ) {
        result = result.replace(/^(\t+)/, (_m, t: string) => ' '.repeat(4 * t.length))
        result = result.replace(indentRe!, '')
        item!.options.lines![0] += result
        firstAsPara = false
        lastIsBlank = false
      } else if ((result = this.src.scan(RE.blankLine)) !== null) {
        firstAsPara = true
        item!.options.lines![0] += result
        lastIsBlank = true
      } else break
    }
    let last: Element | null = null
    for (const it of deflist.children) {
      if (it.type === 'dt') continue
      this.parseBlocks(it, it.options.lines![0]!)
      it.options.lines = undefined
      const ch = it.children
      if (ch.length === 0) continue
      last = ch[ch.length - 1]!.type === 'blank' ? ch.pop()! : null
      const fap = it.options.firstAsPara
      it.options.firstAsPara = undefined
      if (ch[0] && ch[0].type === 'p' && !fap) {
        if (ch.length > 1) ch[0].children[0]!.value += '\n'
        ch[0].options.transparent = true
      }
    }
    const kids = this.tree!.children
    const k = kids.length
    if (k >= 1 && kids[k - 1]!.type === 'dl') pushAll(kids[k - 1]!.children, deflist.children)
    else if (k >= 2 && kids[k - 1]!.type === 'blank' && kids[k - 2]!.type === 'dl') {
      kids.pop()
      pushAll(kids[k - 2]!.children, deflist.children)
    } else kids.push(deflist)
    if (last) kids.push(last)
    return true
  }

  // ---- tables -------------------------------------------------------------

  private parseTable(): boolean {
    if (!this.afterBlockBoundary()) return false
    const saved = this.src.pos
    const origPos = this.src.pos
    const table = this.newBlockEl('table', null, null, { alignment: [] })
    const leadingPipe = /^[ \t\n\v\f\r]*\|/.test(this.src.check(RE.tableLine) ?? '')
    this.src.scan(RE.tableSepLine)
    let rows: Element[] = []
    let hasFooter = false
    let columns = 0
    const addContainer = (type: 'thead' | 'tbody' | 'tfoot', force: boolean) => {
      if (!hasFooter || type !== 'tbody' || force) {
        const cont = element(type)
        cont.children = rows
        rows = []
        table.children.push(cont)
      }
    }
    while (!this.src.eos) {
      if (this.src.check(RE.tableLine) === null) break
      if (this.src.scan(RE.tableSepLine) !== null) {
        if (rows.length === 0) {
          // a separator line before any row: ignored
        } else if (table.options.alignment!.length === 0 && !hasFooter) {
          addContainer('thead', false)
          table.options.alignment = [...this.src.group(1)!.matchAll(RE.tableHsepAlign)].map(
            ([, left, right]): Alignment =>
              left === '' && right === ''
                ? 'default'
                : right === ''
                  ? 'left'
                  : left === ''
                    ? 'right'
                    : 'center',
          )
        } else addContainer('tbody', false)
      } else if (this.src.scan(RE.tableFsepLine) !== null) {
        if (rows.length > 0) addContainer('tbody', true)
        hasFooter = true
      } else if (this.src.scan(RE.tableRowLine) !== null) {
        const trow = element('tr')
        const env = this.saveEnv()
        const cells: string[] = []
        const appendToLast = (s: string) => {
          if (cells.length === 0) cells.push(s)
          else cells[cells.length - 1] += s
        }
        this.src
          .group(1)!
          .split(/(<code.*?>.*?<\/code>)/)
          .forEach((str, i) => {
            if (i % 2 === 1) {
              appendToLast(str)
              return
            }
            this.resetEnv({ src: new Scanner(str) })
            const root = element('root')
            this.parseSpans(root, null, ['codespan'])
            for (const c of root.children) {
              if (c.type === 'raw_text') {
                const parts = c.value!.split(/(?<!\\)\|/).map((t) => t.replace(/\\\|/g, '|'))
                appendToLast(parts[0]!)
                pushAll(cells, parts.slice(1))
              } else {
                const runs = c.value!.match(/`+/g) ?? []
                const delim = runs.reduce((a, b) => (b > a ? b : a), '') + '`'
                const pad = delim.length > 1 ? ' ' : ''
                appendToLast(`${delim}${pad}${c.value}${pad}${delim}`)
              }
            }
          })
        this.restoreEnv(env)
        if (leadingPipe && cells.length > 0 && cells[0]!.trim() === '') cells.shift()
        if (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop()
        for (const cellText of cells) {
          const td = element('td')
          td.children.push(element('raw_text', cellText.trim()))
          trow.children.push(td)
        }
        columns = Math.max(columns, cells.length)
        rows.push(trow)
      } else break
    }
    if (!this.beforeBlockBoundary()) {
      this.src.pos = saved
      return false
    }
    // The table's text must have a pipe on a line outside code spans.
    const env = this.saveEnv()
    this.resetEnv({ src: new Scanner(this.src.string.slice(origPos, this.src.pos - 1)) })
    const root = element('root')
    this.parseSpans(root, null, ['codespan', 'span_html'])
    this.restoreEnv(env)
    let pipeOnLine = false
    for (const c of root.children) {
      if (c.value === null) continue
      const lines = c.value.split('\n')
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
      if (c.type === 'codespan') {
        if (lines.length > 2 || (lines.length === 2 && !pipeOnLine)) break
        else if (lines.length === 2 && pipeOnLine) pipeOnLine = false
      } else {
        if (lines.length > 1 && !pipeOnLine && !RE.tablePipeCheck.test(lines[0]!)) break
        pipeOnLine =
          (lines.length > 1 ? false : pipeOnLine) ||
          RE.tablePipeCheck.test(lines[lines.length - 1] ?? '')
      }
    }
    if (!pipeOnLine) {
      this.src.pos = saved
      return false
    }
    if (rows.length > 0) addContainer(hasFooter ? 'tfoot' : 'tbody', false)
    if (!table.children.some((c) => c.type === 'tbody')) {
      this.src.pos = saved
      return false
    }
    for (const kind of table.children) {
      for (const row of kind.children) {
        while (row.children.length < columns) row.children.push(element('td'))
      }
    }
    const al = table.options.alignment!
    if (al.length > columns) table.options.alignment = al.slice(0, columns)
    else while (al.length < columns) al.push('default')
    this.tree!.children.push(table)
    return true
  }

  // ---- HTML ---------------------------------------------------------------

  private parseBlockHtml(): boolean {
    let result: string | null
    if ((result = this.src.scan(RE.htmlComment)) !== null) {
      this.tree!.children.push(element('xml_comment', result, null, { category: 'block' }))
      this.src.scan(RE.trailingWhitespace)
      return true
    }
    if (
      this.src.check(RE.htmlTagHere) !== null &&
      !P.HTML_SPAN_ELEMENTS.has(this.src.group(1)!.toLowerCase())
    ) {
      this.src.pos += this.src.matchedSize
      this.handleHtmlStartTag()
      return true
    }
    if (
      this.src.check(RE.htmlTagCloseHere) !== null &&
      !P.HTML_SPAN_ELEMENTS.has(this.src.group(1)!.toLowerCase())
    ) {
      const name = this.src.group(1)!.toLowerCase()
      if (this.tree!.type === 'html_element' && this.tree!.value === name) {
        this.src.pos += this.src.matchedSize
        throw new StopBlockParsing()
      }
      return false
    }
    return false
  }

  /** handle_html_start_tag with kramdown's handle_kramdown_html_tag as the body handler. */
  private handleHtmlStartTag(): void {
    let name = this.src.group(1)!
    if (P.isHtmlElement(name.toLowerCase())) name = name.toLowerCase()
    let closed = this.src.group(4) !== undefined
    const attrs = parseHtmlAttributes(this.src.group(2) ?? '', P.isHtmlElement(name))
    const el = element('html_element', name, attrs, { category: 'block' })
    this.tree!.children.push(el)
    if (!closed && P.HTML_ELEMENTS_WITHOUT_BODY.has(name)) closed = true
    if (name === 'script' || name === 'style') {
      this.handleRawHtmlTag(name)
      this.handleKramdownHtmlTag(el, false, false)
    } else {
      this.handleKramdownHtmlTag(el, closed, true)
    }
  }

  private handleRawHtmlTag(name: string): void {
    const cur = this.src.pos
    const el = this.lastChild()!
    if (this.src.scanUntil(global(`(?=<\\/${name}${P.S}*>)`, 'i')) !== null) {
      const text = this.src.string.slice(cur, this.src.pos)
      if (text !== '') el.children.push(element('raw', text))
      this.src.scan(RE.htmlTagClose)
    } else {
      if (!this.src.eos) el.children.push(element('raw', this.src.rest))
      this.src.terminate()
    }
  }

  private handleKramdownHtmlTag(el: Element, closed: boolean, handleBody: boolean): void {
    if (this.blockIal) {
      el.options.ial = this.blockIal
      this.blockIal = null
    }
    let contentModel: 'block' | 'span' | 'raw' =
      this.tree!.type !== 'html_element' || this.tree!.options.contentModel !== 'raw'
        ? this.options.parseBlockHtml
          ? P.htmlContentModel(el.value!)
          : 'raw'
        : 'raw'
    const markdown = el.attr.markdown
    if (markdown !== undefined) {
      delete el.attr.markdown
      if (markdown === '1') contentModel = P.htmlContentModel(el.value!)
      else if (markdown === '0') contentModel = 'raw'
      else if (markdown === 'span') contentModel = 'span'
      else if (markdown === 'block') contentModel = 'block'
    }
    if (contentModel === 'block') this.src.scan(RE.trailingWhitespace)
    el.options.contentModel = contentModel
    el.options.isClosed = closed
    if (!closed && handleBody) {
      if (contentModel === 'block') {
        this.parseBlocks(el)
      } else if (contentModel === 'span') {
        const cur = this.src.pos
        if (this.src.scanUntil(global(`(?=<\\/${el.value}${P.S}*>)`, 'i')) !== null) {
          this.addText(this.src.string.slice(cur, this.src.pos), el)
          this.src.scan(RE.htmlTagClose)
        } else {
          this.addText(this.src.rest, el)
          this.src.terminate()
        }
      } else {
        this.parseRawHtml(el)
      }
      if (!(this.tree!.type === 'html_element' && this.tree!.options.contentModel === 'raw')) {
        this.src.scan(RE.trailingWhitespace)
      }
    }
  }

  /** How many raw HTML elements are open around the scan: see MAX_RAW_HTML_DEPTH. */
  private rawHtmlDepth = 0

  private parseRawHtml(el: Element): void {
    this.stack.push({ tree: this.tree })
    this.tree = el
    this.rawHtmlDepth++
    let done = false
    while (!this.src.eos && !done) {
      const result = this.src.scanUntil(RE.htmlRawStart)
      if (result !== null) {
        this.addText(result, this.tree, 'text')
        let r: string | null
        if ((r = this.src.scan(RE.htmlComment)) !== null) {
          this.tree.children.push(element('xml_comment', r, null, { category: 'block' }))
        } else if ((r = this.src.scan(RE.htmlInstruction)) !== null) {
          this.tree.children.push(element('xml_pi', r, null, { category: 'block' }))
        } else if (this.src.scan(RE.htmlTag) !== null) {
          if (this.rawHtmlDepth < MAX_RAW_HTML_DEPTH) this.handleHtmlStartTag()
          else this.addText(this.src.matched, this.tree, 'text')
        } else if (this.src.scan(RE.htmlTagClose) !== null) {
          const closing = this.src.group(1)!
          const v = this.tree.value!
          if (v === (P.isHtmlElement(v) ? closing.toLowerCase() : closing)) done = true
          else this.addText(this.src.matched, this.tree, 'text')
        } else {
          this.addText(this.src.getch(), this.tree, 'text')
        }
      } else {
        this.addText(this.src.rest, this.tree, 'text')
        this.src.terminate()
        done = true
      }
    }
    this.rawHtmlDepth--
    this.tree = this.stack.pop()!.tree
  }

  // ---- after parsing ------------------------------------------------------

  /** update_tree: span-parse collected text, merge blank lines, apply IALs, header raw text. */
  private updateTree(el: Element): void {
    const out: Element[] = []
    let lastBlank: Element | null = null
    for (const child of el.children) {
      if (child.type === 'raw_text') {
        lastBlank = null
        this.resetEnv({ src: new Scanner(child.value!), textType: 'text' })
        this.parseSpans(child)
        pushAll(out, child.children)
      } else if (child.type === 'eob') {
        if (child.options.ial) this.updateAttrWithIal(child.attr, child.options.ial)
      } else if (child.type === 'blank') {
        if (lastBlank) lastBlank.value += child.value!
        else {
          lastBlank = child
          out.push(child)
        }
      } else {
        lastBlank = null
        this.updateTree(child)
        if (child.options.ial) this.updateAttrWithIal(child.attr, child.options.ial)
        // GFM sets auto_id_stripping: a header's id comes from its rendered text, not its source.
        if (child.type === 'dt' || (child.type === 'header' && this.options.gfm)) {
          if (this.options.gfm) updateRawText(child)
          else updateRawTextKramdown(child)
        }
        out.push(child)
      }
    }
    el.children = out
  }

  private abbrevRes: [RegExp, RegExp] | null = null
  private abbrevProbe: RegExp | null = null

  /** replace_abbreviations: `*[PGO]: …` turns every whole-word PGO into an abbreviation. */
  private replaceAbbreviations(el: Element): void {
    if (this.abbrevDefs.size === 0) return
    if (!this.abbrevRes) {
      const sorted = [...this.abbrevDefs.keys()].sort((a, b) => b.length - a.length)
      const union = sorted.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
      this.abbrevRes = [
        sticky(`(?:${union})`, 'u'),
        global(`(?=(?:[^\\w]|^)(?:${union})(?!\\w))`, 'u'),
      ]
      this.abbrevProbe = new RegExp(union, 'u')
    }
    const [first, last] = this.abbrevRes
    const out: Element[] = []
    for (const child of el.children) {
      if (child.type === 'text' && el.options.contentModel !== 'raw') {
        const probe = this.abbrevProbe!
        probe.lastIndex = 0
        if (!probe.test(child.value!)) {
          out.push(child)
          continue
        }
        const s = new Scanner(child.value!)
        let temp: string | null
        while ((temp = s.scanUntil(last)) !== null) {
          let abbr = s.scan(first)
          if (abbr === null) {
            temp += s.scan(/[^\w]|^/muy) ?? ''
            abbr = s.scan(first)
          }
          out.push(element('text', temp))
          out.push(element('abbreviation', abbr))
        }
        out.push(element('text', s.rest))
      } else {
        this.replaceAbbreviations(child)
        out.push(child)
      }
    }
    el.children = out
  }

  /** GFM's update_elements: header ids, and `\` line breaks (every newline with hard_wrap). */
  private updateElements(el: Element): void {
    const hardLineBreak = this.options.hardWrap ? '\n' : '\\\n'
    const out: Element[] = []
    for (const child of el.children) {
      if (child.type === 'text' && child.value!.includes(hardLineBreak)) {
        const lines = child.value!.split(hardLineBreak)
        const omitTrailingBr =
          lines[lines.length - 1] === '' &&
          category(el) === 'block' &&
          el.children[el.children.length - 1] === child
        lines.forEach((line, index) => {
          out.push(element('text', index > 0 ? `\n${line}` : line))
          if (index < lines.length - 2 || (index === lines.length - 2 && !omitTrailingBr)) {
            out.push(element('br'))
          }
        })
      } else if (child.type === 'html_element') {
        out.push(child)
      } else if (child.type === 'header' && this.options.autoIds && child.attr.id === undefined) {
        child.attr.id = this.headerId(child.options.rawText ?? '')
        out.push(child)
      } else {
        this.updateElements(child)
        out.push(child)
      }
    }
    el.children = out
  }

  private idCounter = new Map<string, number>()
  private headerId(text: string): string {
    return gfmHeaderId(text, this.idCounter)
  }
}

class StopBlockParsing extends Error {}

const BOX_UNCHECKED =
  '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
const BOX_CHECKED =
  '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />'

/**
 * GFM's task lists: `[ ]` / `[x]` at the start of an item become checkbox
 * HTML in the item's text (parsed as inline HTML later). Once one item is a
 * task, it and every following item get the class, as in kramdown-parser-gfm.
 */
function markTaskList(list: Element): void {
  let isTaskList = false
  for (const li of list.children) {
    const first = li.children[0]
    if (!first || first.type !== 'p') continue
    const text = first.children[0]
    if (!text || text.value === null) continue
    let changed = false
    text.value = text.value.replace(/^[ \t\n\v\f\r]*\[ \][ \t\n\v\f\r]+/, () => {
      changed = true
      return BOX_UNCHECKED
    })
    text.value = text.value.replace(/^[ \t\n\v\f\r]*\[x\][ \t\n\v\f\r]+/i, () => {
      changed = true
      return BOX_CHECKED
    })
    isTaskList ||= changed
    if (isTaskList) li.attr.class = 'task-list-item'
  }
  if (isTaskList) list.attr.class = 'task-list'
}

/** update_raw_text (GFM's): the header's text as rendered characters, for its id. */
function updateRawText(item: Element): void {
  let raw = ''
  const append = (c: Element): void => {
    switch (c.type) {
      case 'text':
      case 'codespan':
      case 'math':
        raw += c.value ?? ''
        break
      case 'entity':
        raw += entityChar(c.options.entity!) ?? ''
        break
      case 'smart_quote':
        raw += QUOTE_CHARS[c.value as keyof typeof QUOTE_CHARS]
        break
      case 'typographic_sym':
        raw += TYPOGRAPHIC_RAW_TEXT[c.value as TypographicSym]
        break
      default:
        for (const k of c.children) append(k)
    }
  }
  append(item)
  item.options.rawText = raw
}

/** kramdown's own update_raw_text: only the text elements count. */
function updateRawTextKramdown(item: Element): void {
  let raw = ''
  const append = (c: Element): void => {
    if (c.type === 'text') raw += c.value ?? ''
    else for (const k of c.children) append(k)
  }
  append(item)
  item.options.rawText = raw
}

const QUOTE_CHARS = { lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d' }

/** adapt_source: CRLF and CR become LF, and the text ends with exactly one newline. */
export function adaptSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/\n$/, '') + '\n'
}
