import type { Element, Ial } from './element.js'
import { element, pushAll } from './element.js'
import type { Scanner } from './scanner.js'
import { ALD_TYPE_ANY, ALD_TYPE_ID_OR_CLASS, global } from './patterns.js'

/** Options the parser reads; `{::options}` may change the HTML ones mid-document. */
export interface ParserOptions {
  /**
   * kramdown-parser-gfm (Jekyll's default `input: GFM`) rather than
   * kramdown's own parser (`input: kramdown`).
   */
  gfm: boolean
  autoIds: boolean
  /** GFM only: every newline is a line break (kramdown's parser has no such option). */
  hardWrap: boolean
  parseBlockHtml: boolean
  parseSpanHtml: boolean
}

export interface FootnoteData {
  content: Element
  eob?: Element
  attr?: Record<string, string>
  marker?: Element[]
}

export type LinkDef = [url: string, title: string | undefined, eob: Element | undefined]

/** A frame of kramdown's `@stack`: the tree (and text type) of an enclosing parse. */
export interface Frame {
  tree: Element | null
  src?: Scanner
  blockIal?: Ial | null
  textType?: TextType
  /** The types of this frame and those below it, as a number (span-parser.ts's memo of failed searches). */
  key?: number
}

export type TextType = 'raw_text' | 'text'

const ALD_ANY = global(ALD_TYPE_ANY)
const ALD_ID_OR_CLASS = global(ALD_TYPE_ID_OR_CLASS)

/**
 * The mutable state of kramdown's parser (`@src`, `@tree`, `@stack`, …) and
 * the helpers every parser method shares: adding text, parsing attribute lists.
 */
export class ParserState {
  src!: Scanner
  tree: Element | null = null
  blockIal: Ial | null = null
  stack: Frame[] = []
  textType: TextType = 'raw_text'

  readonly root: Element = element('root')
  readonly alds = new Map<string, Ial>()
  readonly footnotes = new Map<string, FootnoteData>()
  readonly linkDefs = new Map<string, LinkDef>()
  readonly abbrevDefs = new Map<string, string>()
  readonly abbrevEobs = new Map<string, Element>()

  constructor(readonly options: ParserOptions) {}

  /** Append text to the last child when it has the same type, else add a text child. */
  addText(text: string, tree: Element = this.tree!, type: TextType = this.textType): void {
    const last = tree.children[tree.children.length - 1]
    if (last && last.type === type) last.value += text
    else if (text !== '') tree.children.push(element(type, text))
  }

  newBlockEl(...args: Parameters<typeof element>): Element {
    const el = element(...args)
    if (this.blockIal) {
      el.options.ial = this.blockIal
      this.blockIal = null
    }
    return el
  }

  /** parse_attribute_list: `.class #id key="value" ref` into an IAL. */
  parseAttributeList(str: string, opts: Ial): void {
    const trimmed = str.trim()
    if (trimmed === '' || trimmed === ':') return
    ALD_ANY.lastIndex = 0
    for (const m of str.matchAll(ALD_ANY)) {
      const [, key, sep, val, ref, idAndOrClass] = m
      if (ref !== undefined) (opts.refs ??= []).push(ref)
      else if (idAndOrClass !== undefined) {
        for (const c of idAndOrClass.matchAll(ALD_ID_OR_CLASS)) {
          if (c[2] !== undefined) opts.attrs.class = `${opts.attrs.class ?? ''} ${c[2]}`.trimStart()
          else opts.attrs.id = c[1]!
        }
      } else if (key !== undefined) {
        const unescape = new RegExp(`\\\\(\\}|${sep === '"' ? '"' : "'"})`, 'g')
        opts.attrs[key] = val!.replace(unescape, '$1')
      }
    }
  }

  /** update_attr_with_ial: referenced ALDs first, then the IAL's own attributes. */
  updateAttrWithIal(attr: Record<string, string>, ial: Ial): void {
    for (const ref of ial.refs ?? []) {
      const ald = this.alds.get(ref)
      if (ald) this.updateAttrWithIal(attr, ald)
    }
    for (const [k, v] of Object.entries(ial.attrs)) {
      if (k === 'class') attr.class = `${attr.class ?? ''} ${v}`.trimStart()
      else attr[k] = v
    }
  }

  updateIalWithIal(ial: Ial, opts: Ial): void {
    if (opts.refs) pushAll((ial.refs ??= []), opts.refs)
    for (const [k, v] of Object.entries(opts.attrs)) {
      if (k === 'class') ial.attrs.class = `${ial.attrs.class ?? ''} ${v}`.trimStart()
      else ial.attrs[k] = v
    }
  }
}
