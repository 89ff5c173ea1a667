/**
 * The HTML writer: a port of kramdown's HTML converter (converter/html.rb)
 * with Jekyll's settings: `entity_output: as_char`, Rouge for code, MathJax
 * for math, footnote backlinks `&#8617;`. Indentation (two spaces per level
 * inside lists, tables, block quotes) is kramdown's.
 */
import type { Element, Entity } from './element.js'
import { pushAll } from './element.js'
import { entityByName, entityChar } from './entities.js'
import { highlightBlock, highlightCode, rougeLexer } from './code-block.js'
import { generateId } from './ids.js'
import { HTML_ELEMENTS_WITHOUT_BODY } from './patterns.js'
import { TYPOGRAPHIC_OUTPUT, type TypographicSym } from './typography.js'

export interface WriterOptions {
  autoIds: boolean
  /** Entity names for ‘ ’ “ ”. */
  smartQuotes: readonly [string, string, string, string]
}

export interface WriterInput {
  root: Element
  abbrevDefs: ReadonlyMap<string, string>
  abbrevAttrs: ReadonlyMap<string, Record<string, string>>
}

const ESCAPE_MAP: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }
const REFERENCE =
  '&(?:[:A-Z_a-z\\u00C0-\\uFFFF][-.:\\w\\u00B7\\u00C0-\\uFFFF]*;|#\\d+;|#x[0-9a-fA-F]+;)'
const ESCAPE_ALL = /[<>&]/g
const ESCAPE_TEXT = new RegExp(`${REFERENCE}|[<>&]`, 'g')
const ESCAPE_ATTRIBUTE = new RegExp(`${REFERENCE}|[<>&"]`, 'g')

/** escape_html: `text` and `attribute` leave entity references as they are. */
export function escapeHtml(str: string, type: 'all' | 'text' | 'attribute' = 'all'): string {
  const re = type === 'all' ? ESCAPE_ALL : type === 'text' ? ESCAPE_TEXT : ESCAPE_ATTRIBUTE
  return str.replace(re, (m) => ESCAPE_MAP[m] ?? m)
}

/** entity_to_str with `entity_output: as_char`. */
function entityToStr(e: Entity, original?: string): string {
  const c = entityChar(e)
  if (c !== null && (c === '"' || !(c in ESCAPE_MAP))) return c
  if (original !== undefined) return original
  if (e.name !== null) return `&${e.name};`
  return `&#${e.codePoint};`
}

function htmlAttributes(attr: Record<string, string>): string {
  let out = ''
  for (const [k, v] of Object.entries(attr)) {
    if (v === undefined || v === null || (k === 'id' && v.trim() === '')) continue
    out += ` ${k}="${escapeHtml(String(v), 'attribute')}"`
  }
  return out
}

const sp = (n: number) => (n > 0 ? ' '.repeat(n) : '')
const SMART_QUOTE_INDEX = { lsquo: 0, rsquo: 1, ldquo: 2, rdquo: 3 } as const
const NBSP = '\u00a0'
const FOOTNOTE_BACKLINK = '&#8617;'

function deepCopy(el: Element): Element {
  return {
    ...el,
    attr: { ...el.attr },
    options: { ...el.options },
    children: el.children.map(deepCopy),
  }
}

export class HtmlWriter {
  private readonly stack: Element[] = []
  private footnoteCounter = 1
  private readonly footnotes: [name: string, content: Element, number: number, repeat: number][] =
    []
  private readonly footnotesByName = new Map<string, (typeof this.footnotes)[number]>()
  private footnoteLocation: string | null = null
  private readonly usedIds = new Map<string, number>()

  constructor(
    private readonly input: WriterInput,
    private readonly options: WriterOptions,
  ) {}

  private toc: [level: number, id: string, children: Element[]][] = []
  private tocCode: [type: 'ul' | 'ol', attr: Record<string, string>, placeholder: string] | null =
    null

  render(): string {
    let result = this.inner(this.input.root, -2)
    const notes = this.footnoteContent()
    if (this.footnoteLocation !== null) result = result.replace(this.footnoteLocation, () => notes)
    else result += notes
    if (this.tocCode) {
      const tree = generateTocTree(this.toc, this.tocCode[0], this.tocCode[1])
      const text = tree.children.length > 0 ? this.convert(tree, 0) : ''
      result = result.replace(this.tocCode[2], () => text)
    }
    return result
  }

  private convert(el: Element, indent: number): string {
    switch (el.type) {
      case 'blank':
        return '\n'
      case 'text':
        return escapeHtml(el.value!, 'text')
      case 'p':
        return this.convertP(el, indent)
      case 'codeblock':
        return this.convertCodeblock(el, indent)
      case 'blockquote':
        return this.block('blockquote', el.attr, this.inner(el, indent), indent)
      case 'header':
        return this.convertHeader(el, indent)
      case 'hr':
        return `${sp(indent)}<hr${htmlAttributes(el.attr)} />\n`
      case 'ul':
      case 'ol':
        return this.convertList(el, indent)
      case 'dl':
        return this.block('dl', el.attr, this.inner(el, indent), indent)
      case 'li':
      case 'dd':
        return this.convertLi(el, indent)
      case 'dt':
        return `${sp(indent)}<dt${htmlAttributes(el.attr)}>${this.inner(el, indent)}</dt>\n`
      case 'html_element':
        return this.convertHtmlElement(el, indent)
      case 'xml_comment':
      case 'xml_pi':
        if (el.options.category === 'block' && !this.parentIsRawHtml())
          return `${sp(indent)}${el.value}\n`
        return el.value!
      case 'table':
      case 'thead':
      case 'tbody':
      case 'tfoot':
      case 'tr':
        return this.block(el.type, el.attr, this.inner(el, indent), indent)
      case 'td':
        return this.convertTd(el, indent)
      case 'comment':
        return el.options.category === 'block'
          ? `${sp(indent)}<!-- ${el.value} -->\n`
          : `<!-- ${el.value} -->`
      case 'br':
        return '<br />'
      case 'a':
        return `<a${htmlAttributes(el.attr)}>${this.inner(el, indent)}</a>`
      case 'img':
        return `<img${htmlAttributes(el.attr)} />`
      case 'codespan':
        return this.convertCodespan(el)
      case 'footnote':
        return this.convertFootnote(el)
      case 'raw': {
        const types = el.options.rawType
        if (!types || types.length === 0 || types.includes('html')) {
          return el.value! + (el.options.category === 'block' ? '\n' : '')
        }
        return ''
      }
      case 'em':
      case 'strong':
        return `<${el.type}${htmlAttributes(el.attr)}>${this.inner(el, indent)}</${el.type}>`
      case 'entity':
        return entityToStr(el.options.entity!, el.options.original)
      case 'typographic_sym':
        return TYPOGRAPHIC_OUTPUT[el.value as TypographicSym]
      case 'smart_quote': {
        const name =
          this.options.smartQuotes[SMART_QUOTE_INDEX[el.value as keyof typeof SMART_QUOTE_INDEX]]
        const e = entityByName(name)
        return e ? entityToStr(e) : ''
      }
      case 'math':
        return this.convertMath(el, indent)
      case 'abbreviation': {
        const title = this.input.abbrevDefs.get(el.value!) ?? ''
        const attr = { ...(this.input.abbrevAttrs.get(el.value!) ?? {}) }
        if (title !== '') attr.title = title
        return `<abbr${htmlAttributes(attr)}>${escapeHtml(el.value!, 'text')}</abbr>`
      }
      case 'root':
      case 'temp':
      case 'footnote_def':
        return this.inner(el, indent)
      default:
        return ''
    }
  }

  private inner(el: Element, indent: number): string {
    let result = ''
    indent += 2
    this.stack.push(el)
    for (const child of el.children) result += this.convert(child, indent)
    this.stack.pop()
    return result
  }

  private parent(offset = 1): Element | undefined {
    return this.stack[this.stack.length - offset]
  }

  private parentIsRawHtml(): boolean {
    const p = this.parent()
    return !!p && p.type === 'html_element' && p.options.contentModel === 'raw'
  }

  /** format_as_indented_block_html. */
  private block(name: string, attr: Record<string, string>, body: string, indent: number): string {
    return `${sp(indent)}<${name}${htmlAttributes(attr)}>\n${body}${sp(indent)}</${name}>\n`
  }

  private convertP(el: Element, indent: number): string {
    if (el.options.transparent) return this.inner(el, indent)
    const only = el.children.length === 1 ? el.children[0]! : null
    if (only && only.type === 'img' && only.options.ial?.refs?.includes('standalone')) {
      const figureAttr = { ...el.attr }
      const imageAttr = { ...only.attr }
      if ('class' in imageAttr && !('class' in figureAttr)) {
        figureAttr.class = imageAttr.class!
        delete imageAttr.class
      }
      if ('id' in imageAttr && !('id' in figureAttr)) {
        figureAttr.id = imageAttr.id!
        delete imageAttr.id
      }
      const body =
        `${sp(indent + 2)}<img${htmlAttributes(imageAttr)} />\n` +
        `${sp(indent + 2)}<figcaption>${imageAttr.alt ?? ''}</figcaption>\n`
      return this.block('figure', figureAttr, body, indent)
    }
    return `${sp(indent)}<p${htmlAttributes(el.attr)}>${this.inner(el, indent)}</p>\n`
  }

  private convertHeader(el: Element, indent: number): string {
    const attr = { ...el.attr }
    if (this.options.autoIds && attr.id === undefined) {
      attr.id = generateId(el.options.rawText ?? '', this.usedIds)
    }
    const level = el.options.level!
    if (attr.id !== undefined && !/\bno_toc\b/.test(attr.class ?? '')) {
      this.toc.push([level, attr.id, el.children])
    }
    return `${sp(indent)}<h${level}${htmlAttributes(attr)}>${this.inner(el, indent)}</h${level}>\n`
  }

  private convertCodeblock(el: Element, indent: number): string {
    const attr = { ...el.attr }
    const lang = extractCodeLanguage(attr, true)
    const lexer = rougeLexer(el.options.lang ?? lang ?? 'plaintext')
    if (lexer !== null) {
      addHighlighterClass(attr, lang ?? 'plaintext')
      return `${sp(indent)}<div${htmlAttributes(attr)}>${highlightBlock(el.value!, lexer)}${sp(indent)}</div>\n`
    }
    const result = escapeHtml(el.value!).replace(/(\r\n|\n|\r)$/, '')
    const codeAttr: Record<string, string> = lang !== undefined ? { class: `language-${lang}` } : {}
    return `${sp(indent)}<pre${htmlAttributes(attr)}><code${htmlAttributes(codeAttr)}>${result}\n</code></pre>\n`
  }

  private convertCodespan(el: Element): string {
    const attr = { ...el.attr }
    const lang = extractCodeLanguage(attr, false)
    let result: string
    const lexer = rougeLexer(lang ?? 'plaintext')
    if (lexer !== null) {
      addHighlighterClass(attr, lang ?? 'plaintext')
      result = highlightCode(el.value!, lexer)
    } else {
      result = escapeHtml(el.value!)
    }
    return `<code${htmlAttributes(attr)}>${result}</code>`
  }

  private convertList(el: Element, indent: number): string {
    const refs = el.options.ial?.refs
    if (this.tocCode === null && refs?.includes('toc')) {
      this.tocCode = [el.type as 'ul' | 'ol', el.attr, `\u0000toc${Math.random()}\u0000`]
      return this.tocCode[2]
    }
    if (this.footnoteLocation === null && refs?.includes('footnotes')) {
      this.footnoteLocation = `\u0000footnotes${Math.random()}\u0000`
      return this.footnoteLocation
    }
    return this.block(el.type, el.attr, this.inner(el, indent), indent)
  }

  private convertLi(el: Element, indent: number): string {
    let output = `${sp(indent)}<${el.type}${htmlAttributes(el.attr)}>`
    const res = this.inner(el, indent)
    const first = el.children[0]
    if (!first || (first.type === 'p' && first.options.transparent)) {
      output += res + (res.endsWith('\n') ? sp(indent) : '')
    } else {
      output += `\n${res}${sp(indent)}`
    }
    return `${output}</${el.type}>\n`
  }

  private convertHtmlElement(el: Element, indent: number): string {
    const res = this.inner(el, indent)
    const name = el.value!
    if (el.options.category === 'span') {
      return (
        `<${name}${htmlAttributes(el.attr)}` +
        (res === '' && HTML_ELEMENTS_WITHOUT_BODY.has(name) ? ' />' : `>${res}</${name}>`)
      )
    }
    const rawParent = this.parentIsRawHtml()
    let output = rawParent ? '' : sp(indent)
    output += `<${name}${htmlAttributes(el.attr)}`
    if (el.options.isClosed && el.options.contentModel === 'raw') output += ' />'
    else if (res !== '' && el.options.contentModel !== 'block') output += `>${res}</${name}>`
    else if (res !== '') output += `>\n${res.replace(/(\r\n|\n|\r)$/, '')}\n${sp(indent)}</${name}>`
    else if (HTML_ELEMENTS_WITHOUT_BODY.has(name)) output += ' />'
    else output += `></${name}>`
    if (!rawParent) output += '\n'
    return output
  }

  private convertTd(el: Element, indent: number): string {
    const res = this.inner(el, indent)
    const type = this.parent(2)?.type === 'thead' ? 'th' : 'td'
    let attr = el.attr
    const row = this.parent()!
    const alignment = this.parent(3)?.options.alignment?.[row.children.indexOf(el)] ?? 'default'
    if (alignment !== 'default') {
      attr = { ...el.attr }
      attr.style = ('style' in attr ? `${attr.style}; ` : '') + `text-align: ${alignment}`
    }
    return `${sp(indent)}<${type}${htmlAttributes(attr)}>${res === '' ? NBSP : res}</${type}>\n`
  }

  private convertMath(el: Element, indent: number): string {
    const value = escapeHtml(el.value!)
    const block = el.options.category === 'block'
    const result = block ? `\\[${value}\\]\n` : `\\(${value}\\)`
    if (Object.keys(el.attr).length === 0) return result
    if (block) return `${sp(indent)}<div${htmlAttributes(el.attr)}>${result}</div>\n`
    return `<span${htmlAttributes(el.attr)}>$${el.value}$</span>`
  }

  private convertFootnote(el: Element): string {
    const name = el.options.name!
    let repeat = ''
    let number: number
    const known = this.footnotesByName.get(name)
    if (known) {
      number = known[2]
      known[3] += 1
      repeat = `:${known[3]}`
    } else {
      number = this.footnoteCounter++
      const entry: (typeof this.footnotes)[number] = [name, el.options.content!, number, 0]
      this.footnotes.push(entry)
      this.footnotesByName.set(name, entry)
    }
    return (
      `<sup id="fnref:${name}${repeat}" role="doc-noteref">` +
      `<a href="#fn:${name}" class="footnote" rel="footnote">${number}</a></sup>`
    )
  }

  private footnoteContent(): string {
    if (this.footnotes.length === 0) return ''
    const ol: Element = { type: 'ol', value: null, attr: {}, options: {}, children: [] }
    // Footnotes referenced only from footnotes are found while converting; iterate by index.
    for (let i = 0; i < this.footnotes.length; i++) {
      const [name, data, , repeat] = this.footnotes[i]!
      const li: Element = {
        type: 'li',
        value: null,
        attr: { id: `fn:${name}`, role: 'doc-endnote' },
        options: {},
        children: data.children.map(deepCopy),
      }
      let para: Element | null = null
      let insertSpace = false
      const lastChild = li.children[li.children.length - 1]
      if (lastChild && lastChild.type === 'p') {
        let parent = li
        while (
          parent.children.length > 0 &&
          !['p', 'header'].includes(parent.children[parent.children.length - 1]!.type)
        ) {
          parent = parent.children[parent.children.length - 1]!
        }
        para = parent.children[parent.children.length - 1] ?? null
        insertSpace = true
      }
      if (!para) {
        para = { type: 'p', value: null, attr: {}, options: {}, children: [] }
        li.children.push(para)
        insertSpace = false
      }
      const backlink = (space: string, target: string, text: string) =>
        `${space}<a href="#fnref:${target}" class="reversefootnote" role="doc-backlink">${text}</a>`
      para.children.push(raw(backlink(insertSpace ? NBSP : '', name, FOOTNOTE_BACKLINK)))
      for (let index = 1; index <= repeat; index++) {
        para.children.push(
          raw(backlink(NBSP, `${name}:${index}`, `${FOOTNOTE_BACKLINK}<sup>${index + 1}</sup>`)),
        )
      }
      ol.children.push(raw(this.convert(li, 4)))
    }
    const olHtml = this.block('ol', {}, this.inner(ol, 2), 2)
    return this.block('div', { class: 'footnotes', role: 'doc-endnotes' }, olHtml, 0)
  }
}

/** generate_toc_tree: nested lists of links to the headers, ids `markdown-toc-…`. */
function generateTocTree(
  toc: [number, string, Element[]][],
  type: 'ul' | 'ol',
  attr: Record<string, string>,
): Element {
  const sections: Element = { type, value: null, attr: { ...attr }, options: {}, children: [] }
  sections.attr.id ??= 'markdown-toc'
  const stack: Element[] = []
  const popEmpty = (item: Element) => {
    if (item.children[item.children.length - 1]!.children.length === 0) item.children.pop()
  }
  for (const [level, id, children] of toc) {
    const a: Element = {
      type: 'a',
      value: null,
      attr: { href: `#${id}`, id: `${sections.attr.id}-${id}` },
      options: {},
      children: fixForTocEntry(children.map(deepCopy)),
    }
    const p: Element = {
      type: 'p',
      value: null,
      attr: {},
      options: { transparent: true },
      children: [a],
    }
    const nested: Element = { type, value: null, attr: {}, options: {}, children: [] }
    const li: Element = {
      type: 'li',
      value: null,
      attr: {},
      options: { level },
      children: [p, nested],
    }
    for (;;) {
      const top = stack[stack.length - 1]
      if (!top) {
        sections.children.push(li)
        stack.push(li)
        break
      } else if (top.options.level! < level) {
        top.children[top.children.length - 1]!.children.push(li)
        stack.push(li)
        break
      } else popEmpty(stack.pop()!)
    }
  }
  while (stack.length > 0) popEmpty(stack.pop()!)
  return sections
}

/** fix_for_toc_entry: no footnote markers, links unwrapped. */
function fixForTocEntry(elements: Element[]): Element[] {
  const out: Element[] = []
  for (const c of elements) {
    if (c.type === 'footnote') continue
    c.children = fixForTocEntry(c.children)
    if (c.type === 'a') pushAll(out, c.children)
    else out.push(c)
  }
  return out
}

function raw(value: string): Element {
  return { type: 'raw', value, attr: {}, options: {}, children: [] }
}

/** extract_code_language(!): the `language-x` class, removed from the attributes when asked. */
function extractCodeLanguage(attr: Record<string, string>, remove: boolean): string | undefined {
  const m = attr.class ? /\blanguage-([^ \t\n\v\f\r]+)/.exec(attr.class) : null
  if (!m) return undefined
  if (remove) {
    attr.class = attr.class!.replace(/\blanguage-[^ \t\n\v\f\r]+/, '').trim()
    if (attr.class === '') delete attr.class
  }
  return m[1]
}

/** add_syntax_highlighter_to_class_attr: `highlighter-rouge`, and `language-x` first. */
function addHighlighterClass(attr: Record<string, string>, lang: string): void {
  attr.class = ((attr.class ?? '') + ' highlighter-rouge').trimStart()
  let done = false
  attr.class = attr.class.replace(/\blanguage-[^ \t\n\v\f\r]+|^/, (m) => {
    if (done) return m
    done = true
    return m === '' ? `language-${lang} ` : `language-${lang}`
  })
}
