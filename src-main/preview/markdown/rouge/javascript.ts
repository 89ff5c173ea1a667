/** Rouge 3.30's JavaScript lexer (lib/rouge/lexers/javascript.rb: javascript, js), rule for rule. */
/* eslint-disable no-useless-escape -- the patterns are Rouge's Ruby ones, which ruby-regex.ts reads: there `\[` in a class and `\A` are not useless */
import { RegexLexer, StateTable, r, x } from './regex-lexer.js'

const words = (list: string) => new Set(list.trim().split(/\s+/))

const KEYWORDS = words(`
  as async await break case catch continue debugger default delete
  do else export finally from for if import in instanceof new of
  return super switch this throw try typeof void while yield
`)
const DECLARATIONS = words(`
  var let const with function class
  extends constructor get set static
`)
const RESERVED = words(`
  enum implements interface
  package private protected public
`)
const CONSTANTS = words('true false null NaN Infinity undefined')
const BUILTINS = words(`
  Array Boolean Date Error Function Math netscape
  Number Object Packages RegExp String sun decodeURI
  decodeURIComponent encodeURI encodeURIComponent
  Error eval isFinite isNaN parseFloat parseInt
  document window navigator self global
  Promise Set Map WeakSet WeakMap Symbol Proxy Reflect
  Int8Array Uint8Array Uint8ClampedArray
  Int16Array Uint16Array Uint16ClampedArray
  Int32Array Uint32Array Uint32ClampedArray
  Float32Array Float64Array DataView ArrayBuffer
`)

/** id_regex (`/…/io`); interpolated into other rules its `i` changes nothing for these classes. */
const ID = '[\\p{L}\\p{Nl}$_][\\p{Word}]*'

const STATES: StateTable = StateTable.define<JavascriptLexer>({
  multiline_comment: (s) => {
    s.rule(/[*]\//, 'Comment.Multiline', 'pop!')
    s.rule(/[^*/]+/, 'Comment.Multiline')
    s.rule(/[*/]/, 'Comment.Multiline')
  },

  comments_and_whitespace: (s) => {
    s.rule(/\s+/, 'Text')
    s.rule(/<!--/, 'Comment') // really...?
    s.rule(/\/\/.*?$/, 'Comment.Single')
    s.rule(/\/[*]/, 'Comment.Multiline', 'multiline_comment')
  },

  expr_start: (s) => {
    s.mixin('comments_and_whitespace')
    s.rule(/\//, (lx) => {
      lx.token('Literal.String.Regex')
      lx.goto('regex')
    })
    s.rule(/[{]/, (lx) => {
      lx.token('Punctuation')
      lx.goto('object')
    })
    s.rule(/(?:)/, 'Text', 'pop!')
  },

  regex: (s) => {
    s.rule(/\//, (lx) => {
      lx.token('Literal.String.Regex')
      lx.goto('regex_end')
    })
    s.rule(/[^/]\n/, 'Error', 'pop!')
    s.rule(/\n/, 'Error', 'pop!')
    s.rule(/\[\^/, 'Literal.String.Escape', 'regex_group')
    s.rule(/\[/, 'Literal.String.Escape', 'regex_group')
    s.rule(/\\./, 'Literal.String.Escape')
    s.rule(/[(][?][:=<!]/, 'Literal.String.Escape')
    s.rule(/[{][\d,]+[}]/, 'Literal.String.Escape')
    s.rule(/[()?]/, 'Literal.String.Escape')
    s.rule(/./, 'Literal.String.Regex')
  },

  regex_end: (s) => {
    s.rule(/[gimuy]+/, 'Literal.String.Regex', 'pop!')
    s.rule(/(?:)/, (lx) => lx.pop())
  },

  regex_group: (s) => {
    // specially highlight / in a group to indicate that it doesn't
    // close the regex
    s.rule(/\//, 'Literal.String.Escape')
    s.rule(/[^/]\n/, (lx) => {
      lx.token('Error')
      lx.pop(2)
    })
    s.rule(/\]/, 'Literal.String.Escape', 'pop!')
    s.rule(/\\./, 'Literal.String.Escape')
    s.rule(/./, 'Literal.String.Regex')
  },

  bad_regex: (s) => {
    s.rule(/[^\n]+/, 'Error', 'pop!')
  },

  root: (s) => {
    s.rule(/\A\s*#!.*?\n/s, 'Comment.Preproc', 'statement')
    s.rule(/(?<=\n)(?=\s|\/|<!--)/, 'Text', 'expr_start')
    s.mixin('comments_and_whitespace')
    s.rule(
      x(`\\+\\+ | -- | ~ | \\?\\?=? | && | \\|\\| | \\\\(?=\\n) | << | >>>? | ===
               | !== `),
      'Operator',
      'expr_start',
    )
    s.rule(/[-<>+*%&|\^/!=]=?/, 'Operator', 'expr_start')
    s.rule(/[(\[,]/, 'Punctuation', 'expr_start')
    s.rule(/;/, 'Punctuation', 'statement')
    s.rule(/[)\].]/, 'Punctuation')
    s.rule(/`/, (lx) => {
      lx.token('Literal.String.Double')
      lx.push('template_string')
    })
    // special case for the safe navigation operator ?.
    // so that we don't start detecting a ternary expr
    s.rule(/[?][.]/, 'Punctuation')
    s.rule(/[?]/, (lx) => {
      lx.token('Punctuation')
      lx.push('ternary')
      lx.push('expr_start')
    })
    s.rule(/(\@)(\w+)?/, (lx) => {
      lx.groups('Punctuation', 'Name.Decorator')
      lx.push('expr_start')
    })
    s.rule(/[{}]/, 'Punctuation', 'statement')
    s.rule(r(ID, 'i'), (lx, m) => {
      const id = m[0]
      if (KEYWORDS.has(id)) {
        lx.token('Keyword')
        lx.push('expr_start')
      } else if (DECLARATIONS.has(id)) {
        lx.token('Keyword.Declaration')
        lx.push('expr_start')
      } else if (RESERVED.has(id)) lx.token('Keyword.Reserved')
      else if (CONSTANTS.has(id)) lx.token('Keyword.Constant')
      else if (BUILTINS.has(id)) lx.token('Name.Builtin')
      else lx.token('Name.Other')
    })
    s.rule(/[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?/, 'Literal.Number.Float')
    s.rule(/0x[0-9a-fA-F]+/i, 'Literal.Number.Hex')
    s.rule(/0o[0-7][0-7_]*/i, 'Literal.Number.Oct')
    s.rule(/0b[01][01_]*/i, 'Literal.Number.Bin')
    s.rule(/[0-9]+/, 'Literal.Number.Integer')
    s.rule(/"/, 'Literal.String.Delimiter', 'dq')
    s.rule(/'/, 'Literal.String.Delimiter', 'sq')
    s.rule(/:/, 'Punctuation')
  },

  dq: (s) => {
    s.rule(/\\[\\nrt"]?/, 'Literal.String.Escape')
    s.rule(/[^\\"]+/, 'Literal.String.Double')
    s.rule(/"/, 'Literal.String.Delimiter', 'pop!')
  },

  sq: (s) => {
    s.rule(/\\[\\nrt']?/, 'Literal.String.Escape')
    s.rule(/[^\\']+/, 'Literal.String.Single')
    s.rule(/'/, 'Literal.String.Delimiter', 'pop!')
  },

  // braced parts that aren't object literals
  statement: (s) => {
    s.rule(/case\b/, (lx) => {
      lx.token('Keyword')
      lx.goto('expr_start')
    })
    s.rule(r(`(${ID})(\\s*)(:)`), (lx) => lx.groups('Name.Label', 'Text', 'Punctuation'))
    s.mixin('expr_start')
  },

  // object literals
  object: (s) => {
    s.mixin('comments_and_whitespace')
    s.rule(/[{]/, (lx) => {
      lx.token('Punctuation')
      lx.push()
    })
    s.rule(/[}]/, (lx) => {
      lx.token('Punctuation')
      lx.goto('statement')
    })
    s.rule(r(`(${ID})(\\s*)(:)`), (lx) => {
      lx.groups('Name.Attribute', 'Text', 'Punctuation')
      lx.push('expr_start')
    })
    s.rule(/:/, 'Punctuation')
    s.mixin('root')
  },

  // ternary expressions, where <id>: is not a label!
  ternary: (s) => {
    s.rule(/:/, (lx) => {
      lx.token('Punctuation')
      lx.goto('expr_start')
    })
    s.mixin('root')
  },

  // template strings
  template_string: (s) => {
    s.rule(r('[$]{'), 'Punctuation', 'template_string_expr')
    s.rule(/`/, 'Literal.String.Double', 'pop!')
    s.rule(/\\[$`]/, 'Literal.String.Escape')
    s.rule(/[^$`\\]+/, 'Literal.String.Double')
    s.rule(/[\\$]/, 'Literal.String.Double')
  },

  template_string_expr: (s) => {
    s.rule(r('}'), 'Punctuation', 'pop!')
    s.mixin('root')
  },
})

export class JavascriptLexer extends RegexLexer {
  protected readonly states = STATES
}
