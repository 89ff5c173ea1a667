/**
 * Rouge 3.30's Markdown lexer (lib/rouge/lexers/markdown.rb), rule for rule.
 * Front matter goes to the YAML lexer, inline HTML to an HTML lexer kept
 * across the text, fenced code to the lexer of its language (`find`, given
 * by the registry): a language Rouge does not know is one `Literal.String.Backtick`
 * token, as in Rouge.
 */
/* eslint-disable no-useless-escape -- the patterns are Rouge's Ruby ones, which ruby-regex.ts reads: there `\[` in a class and `\A` are not useless */
import { HtmlLexer } from './html.js'
import { PlainTextLexer } from './plaintext.js'
import type { Lexer } from './regex-lexer.js'
import { RegexLexer, StateTable, r, x } from './regex-lexer.js'
import { YamlLexer } from './yaml.js'

/** Rouge's `edot`, interpolated as a group: an escaped character or any other but a newline. */
const EDOT = '(?:\\\\.|[^\\\\\\n])'

/** Ruby's String#strip. */
const rubyStrip = (text: string) => text.replace(/^[ \t\n\v\f\r]+|[\0 \t\n\v\f\r]+$/g, '')

const STATES: StateTable = StateTable.define<MarkdownLexer>({
  root: (s) => {
    // YAML frontmatter
    s.rule(/\A(---\s*\n.*?\n?)^(---\s*$\n?)/s, (lx) => lx.delegate(() => new YamlLexer()))
    s.rule(/\\./, 'Literal.String.Escape')
    // Ruby's `[\S ]`: anything but whitespace other than the space.
    s.rule(r('^[^\\t\\n\\v\\f\\r]+\\n(?:---*)\\n'), 'Generic.Heading')
    s.rule(r('^[^\\t\\n\\v\\f\\r]+\\n(?:===*)\\n'), 'Generic.Subheading')
    s.rule(/^#(?=[^#]).*?$/, 'Generic.Heading')
    s.rule(/^##*.*?$/, 'Generic.Subheading')
    s.rule(/^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?/s, (lx, m) => {
      const name = rubyStrip(m[3]!)
      const sublexer = lx.find(name === '' ? 'guess' : name, m[5]) ?? lx.unknownLanguage()
      sublexer.reset()
      lx.token('Text', m[1])
      lx.token('Punctuation', m[2])
      lx.token('Name.Label', m[3])
      if (m[5] !== undefined) lx.delegate(sublexer, m[5])
      lx.token('Text', m[6])
      if (m[7] !== undefined) lx.token('Punctuation', m[7])
      else {
        const fence = m[2]!
        lx.push((state) => {
          state.rule(r(`^([ \\t]*)(${fence})`), (inner, mb) => {
            inner.pop()
            inner.token('Text', mb[1])
            inner.token('Punctuation', mb[2])
          })
          state.rule(/^.*\n/, (inner, mb) => inner.delegate(sublexer, mb[1]))
        })
      }
    })
    s.rule(/\n\n(( {4}|\t).*?\n|\n)+/, 'Literal.String.Backtick')
    s.rule(r(`(\`+)(?:${EDOT}|\\n)+?\\1`), 'Literal.String.Backtick')

    // various uses of * are in order of precedence

    // line breaks
    s.rule(/^(\s*[*]){3,}\s*$/, 'Punctuation')
    s.rule(/^(\s*[-]){3,}\s*$/, 'Punctuation')
    // bulleted lists
    s.rule(/^\s*[*+-](?=\s)/, 'Punctuation')
    // numbered lists
    s.rule(/^\s*\d+\./, 'Punctuation')
    // blockquotes
    s.rule(/^\s*>.*?$/, 'Generic.Traceback')
    // link references
    // [foo]: bar "baz"
    s.rule(
      x(`^
        (\\s*) # leading whitespace
        (\\[) (${EDOT}+?) (\\]) # the reference
        (\\s*) (:) # colon
      `),
      (lx) => {
        lx.groups(
          'Text',
          'Punctuation',
          'Literal.String.Symbol',
          'Punctuation',
          'Text',
          'Punctuation',
        )
        lx.push('title')
        lx.push('url')
      },
    )
    // links and images
    s.rule(r(`(!?\\[)(${EDOT}*?|[^\\]]*?)(\\])(?=[\\[(])`), (lx) => {
      lx.groups('Punctuation', 'Name.Variable', 'Punctuation')
      lx.push('link')
    })
    s.rule(r(`[*][*]${EDOT}*?[*][*]`), 'Generic.Strong')
    s.rule(r(`__${EDOT}*?__`), 'Generic.Strong')
    s.rule(r(`[*]${EDOT}*?[*]`), 'Generic.Emph')
    s.rule(r(`_${EDOT}*?_`), 'Generic.Emph')
    // Automatic links
    s.rule(/<.*?@.+[.].+>/, 'Name.Variable')
    s.rule(r(`<(https?|mailto|ftp)://${EDOT}*?>`), 'Name.Variable')
    s.rule(/[^\\`\[*\n&<]+/, 'Text')
    // inline html
    s.rule(/&\S*;/, (lx) => lx.delegate(lx.html))
    s.rule(r(`<${EDOT}*?>`), (lx) => lx.delegate(lx.html))
    s.rule(/[&<]/, 'Text')
    // An opening square bracket that is not a link
    s.rule(/\[/, 'Text')
    s.rule(/\n/, 'Text')
  },

  link: (s) => {
    s.rule(r(`(\\[)(${EDOT}*?)(\\])`), (lx) => {
      lx.groups('Punctuation', 'Literal.String.Symbol', 'Punctuation')
      lx.pop()
    })
    s.rule(/[(]/, (lx) => {
      lx.token('Punctuation')
      lx.push('inline_title')
      lx.push('inline_url')
    })
    s.rule(/[ \t]+/, 'Text')
    s.rule(/(?:)/, (lx) => lx.pop())
  },

  url: (s) => {
    s.rule(/[ \t]+/, 'Text')
    // the url
    s.rule(r(`(<)(${EDOT}*?)(>)`), (lx) => {
      lx.groups('Name.Tag', 'Literal.String.Other', 'Name.Tag')
      lx.pop()
    })
    s.rule(/\S+/, 'Literal.String.Other', 'pop!')
  },

  title: (s) => {
    s.rule(r(`"${EDOT}*?"`), 'Name.Namespace')
    s.rule(r(`'${EDOT}*?'`), 'Name.Namespace')
    s.rule(r(`[(]${EDOT}*?[)]`), 'Name.Namespace')
    s.rule(/\s*(?=["'()])/, 'Text')
    s.rule(/(?:)/, (lx) => lx.pop())
  },

  inline_title: (s) => {
    s.rule(/[)]/, 'Punctuation', 'pop!')
    s.mixin('title')
  },

  inline_url: (s) => {
    s.rule(/[^<\s)]+/, 'Literal.String.Other', 'pop!')
    s.rule(/\s+/s, 'Text')
    s.mixin('url')
  },
})

/** `Lexer.find_fancy(name, code)`: a lexer for a fence's language, or null when Rouge has none. */
export type FindLexer = (name: string, code: string | undefined) => Lexer | null

export class MarkdownLexer extends RegexLexer {
  protected readonly states = STATES
  readonly html = new HtmlLexer()

  constructor(readonly find: FindLexer) {
    super()
  }

  protected override start(): void {
    this.html.reset()
  }

  /** `PlainText.new(token: Str::Backtick)`: the fallback for a language Rouge does not know. */
  unknownLanguage(): Lexer {
    return new PlainTextLexer('Literal.String.Backtick')
  }
}
