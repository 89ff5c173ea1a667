/** Rouge 3.30's JSON lexer (lib/rouge/lexers/json.rb), rule for rule. */
import { RegexLexer, StateTable, r } from './regex-lexer.js'

const STATES: StateTable = StateTable.define<JsonLexer>({
  whitespace: (s) => {
    s.rule(/\s+/, 'Text.Whitespace')
  },

  root: (s) => {
    s.mixin('whitespace')
    s.rule(r('{'), 'Punctuation', 'object')
    s.rule(/\[/, 'Punctuation', 'array')
    s.mixin('name')
    s.mixin('value')
    // These characters may be invalid but syntax correctness is a non-goal
    s.rule(/[\]}]/, 'Punctuation')
  },

  object: (s) => {
    s.mixin('whitespace')
    s.mixin('name')
    s.mixin('value')
    s.rule(r('}'), 'Punctuation', 'pop!')
    s.rule(/,/, 'Punctuation')
  },

  name: (s) => {
    s.rule(/("(?:\\.|[^"\\\n])*?")(\s*)(:)/, (lx) =>
      lx.groups('Name.Label', 'Text.Whitespace', 'Punctuation'),
    )
  },

  value: (s) => {
    s.mixin('whitespace')
    s.mixin('constants')
    s.rule(/"/, 'Literal.String.Double', 'string')
    s.rule(/\[/, 'Punctuation', 'array')
    s.rule(r('{'), 'Punctuation', 'object')
  },

  string: (s) => {
    s.rule(/[^\\"]+/, 'Literal.String.Double')
    s.rule(/\\./, 'Literal.String.Escape')
    s.rule(/"/, 'Literal.String.Double', 'pop!')
  },

  array: (s) => {
    s.mixin('value')
    s.rule(/\]/, 'Punctuation', 'pop!')
    s.rule(/,/, 'Punctuation')
  },

  constants: (s) => {
    s.rule(/(?:true|false|null)/, 'Keyword.Constant')
    s.rule(/-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?/i, 'Literal.Number.Float')
    s.rule(/-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?/i, 'Literal.Number.Integer')
  },
})

export class JsonLexer extends RegexLexer {
  protected readonly states = STATES
}
