/** Rouge 3.30's XML lexer (lib/rouge/lexers/xml.rb), rule for rule. */
/* eslint-disable no-useless-escape -- the patterns are Rouge's Ruby ones, which ruby-regex.ts reads: there `\[` in a class and `\A` are not useless */
import { RegexLexer, StateTable, r } from './regex-lexer.js'

const STATES: StateTable = StateTable.define<XmlLexer>({
  root: (s) => {
    s.rule(/[^<&]+/, 'Text')
    s.rule(/&\S*?;/, 'Name.Entity')
    s.rule(/<!\[CDATA\[.*?\]\]\>/, 'Comment.Preproc')
    s.rule(/<!--/, 'Comment', 'comment')
    s.rule(/<\?.*?\?>/, 'Comment.Preproc')
    s.rule(/<![^>]*>/, 'Comment.Preproc')
    // open tags
    s.rule(r('<\\s*[\\p{L}:_][\\p{Word}\\p{Cf}:.·-]*', 'm'), 'Name.Tag', 'tag')
    // self-closing tags
    s.rule(r('<\\s*/\\s*[\\p{L}:_][\\p{Word}\\p{Cf}:.·-]*\\s*>', 'm'), 'Name.Tag')
  },

  comment: (s) => {
    s.rule(/[^-]+/s, 'Comment')
    s.rule(/-->/, 'Comment', 'pop!')
    s.rule(/-/, 'Comment')
  },

  tag: (s) => {
    s.rule(/\s+/s, 'Text')
    s.rule(r('[\\p{L}:_][\\p{Word}\\p{Cf}:.·-]*\\s*=', 'm'), 'Name.Attribute', 'attr')
    s.rule(/\/?\s*>/, 'Name.Tag', 'pop!')
  },

  attr: (s) => {
    s.rule(/\s+/s, 'Text')
    s.rule(/".*?"|'.*?'|[^\s>]+/s, 'Literal.String', 'pop!')
  },
})

export class XmlLexer extends RegexLexer {
  protected readonly states = STATES
}
