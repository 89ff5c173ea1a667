/**
 * Rouge 3.30's HTML lexer (lib/rouge/lexers/html.rb), rule for rule: script
 * and style contents go to a JavaScript and a CSS lexer that keep their state
 * from one chunk to the next.
 */
import { CssLexer } from './css.js'
import { JavascriptLexer } from './javascript.js'
import type { Lexer } from './regex-lexer.js'
import { RegexLexer, StateTable, r } from './regex-lexer.js'

const NAME = '[\\p{L}:_-][\\p{Word}\\p{Cf}:.·-]*'

const STATES: StateTable = StateTable.define<HtmlLexer>({
  root: (s) => {
    s.rule(/[^<&]+/s, 'Text')
    s.rule(/&\S*?;/, 'Name.Entity')
    s.rule(/<!DOCTYPE .*?>/is, 'Comment.Preproc')
    s.rule(/<!\[CDATA\[.*?\]\]>/s, 'Comment.Preproc')
    s.rule(/<!--/, 'Comment', 'comment')
    s.rule(/<\?.*?\?>/s, 'Comment.Preproc') // php? really?
    s.rule(/<\s*script\s*/s, (lx) => {
      lx.token('Name.Tag')
      lx.javascript.reset()
      lx.push('script_content')
      lx.push('tag')
    })
    s.rule(/<\s*style\s*/s, (lx) => {
      lx.token('Name.Tag')
      lx.css.reset()
      lx.lang = lx.css
      lx.push('style_content')
      lx.push('tag')
    })
    s.rule(/<\//, 'Name.Tag', 'tag_end')
    s.rule(/</, 'Name.Tag', 'tag_start')
    s.rule(r(`<\\s*${NAME}`), 'Name.Tag', 'tag') // opening tags
    s.rule(r(`<\\s*/\\s*${NAME}\\s*>`), 'Name.Tag') // closing tags
  },

  tag_end: (s) => {
    s.mixin('tag_end_end')
    s.rule(r(NAME), (lx) => {
      lx.token('Name.Tag')
      lx.goto('tag_end_end')
    })
  },

  tag_end_end: (s) => {
    s.rule(/\s+/, 'Text')
    s.rule(/>/, 'Name.Tag', 'pop!')
  },

  tag_start: (s) => {
    s.rule(/\s+/, 'Text')
    s.rule(r(NAME), (lx) => {
      lx.token('Name.Tag')
      lx.goto('tag')
    })
    s.rule(/(?:)/, (lx) => lx.goto('tag'))
  },

  comment: (s) => {
    s.rule(/[^-]+/, 'Comment')
    s.rule(/-->/, 'Comment', 'pop!')
    s.rule(/-/, 'Comment')
  },

  tag: (s) => {
    s.rule(/\s+/s, 'Text')
    s.rule(
      r('[\\p{L}:_\\[\\]()*.-][\\p{Word}\\p{Cf}:.·\\[\\]()*-]*\\s*=\\s*', 'm'),
      'Name.Attribute',
      'attr',
    )
    s.rule(r('[\\p{L}:_*#-][\\p{Word}\\p{Cf}:.·*#-]*'), 'Name.Attribute')
    s.rule(/\/?\s*>/s, 'Name.Tag', 'pop!')
  },

  attr: (s) => {
    // TODO: are backslash escapes valid here?
    s.rule(/"/, (lx) => {
      lx.token('Literal.String')
      lx.goto('dq')
    })
    s.rule(/'/, (lx) => {
      lx.token('Literal.String')
      lx.goto('sq')
    })
    s.rule(/[^\s>]+/, 'Literal.String', 'pop!')
  },

  dq: (s) => {
    s.rule(/"/, 'Literal.String', 'pop!')
    s.rule(/[^"]+/, 'Literal.String')
  },

  sq: (s) => {
    s.rule(/'/, 'Literal.String', 'pop!')
    s.rule(/[^']+/, 'Literal.String')
  },

  script_content: (s) => {
    s.rule(/[^<]+/, (lx) => lx.delegate(lx.javascript))
    s.rule(/<\s*\/\s*script\s*>/s, 'Name.Tag', 'pop!')
    s.rule(/</, (lx) => lx.delegate(lx.javascript))
  },

  style_content: (s) => {
    s.rule(/[^<]+/, (lx) => lx.delegate(lx.lang!))
    s.rule(/<\s*\/\s*style\s*>/s, 'Name.Tag', 'pop!')
    s.rule(/</, (lx) => lx.delegate(lx.lang!))
  },
})

export class HtmlLexer extends RegexLexer {
  protected readonly states = STATES
  javascript: Lexer = new JavascriptLexer()
  css: Lexer = new CssLexer()
  lang: Lexer | null = null

  protected override start(): void {
    this.javascript = new JavascriptLexer()
    this.css = new CssLexer()
  }
}
