/** Rouge 3.30's Liquid lexer (lib/rouge/lexers/liquid.rb), rule for rule. */
/* eslint-disable no-useless-escape -- the patterns are Rouge's Ruby ones, which ruby-regex.ts reads: there `\[` in a class is not useless */
import { RegexLexer, StateTable, x } from './regex-lexer.js'
import type { Token } from './token.js'

/** Ruby's `case value when /'[^']*'/ … when /"[^"]*"/ …` (an unanchored match; nil matches neither). */
function quotedToken(value: string | undefined, otherwise: Token): Token {
  if (value !== undefined && /'[^']*'/.test(value)) return 'Literal.String.Single'
  if (value !== undefined && /"[^"]*"/.test(value)) return 'Literal.String.Double'
  return otherwise
}

const STATES: StateTable = StateTable.define<LiquidLexer>({
  root: (s) => {
    s.rule(/[^\{]+/, 'Text')
    s.rule(/(\{%-?)(\s*)/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace')
      lx.push('tag_or_block')
    })
    s.rule(/(\{\{-?)(\s*)/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace')
      lx.push('output')
    })
    s.rule(/\{/, 'Text')
  },

  tag_or_block: (s) => {
    // builtin logic blocks
    s.rule(/(if|elsif|unless|case)\b/, 'Keyword.Reserved', 'condition')
    s.rule(/(when)\b/, 'Keyword.Reserved', 'when')
    s.rule(/(else)(\s*)(-?%\})/, (lx) => {
      lx.groups('Keyword.Reserved', 'Text.Whitespace', 'Punctuation')
      lx.pop()
    })
    // other builtin blocks
    s.rule(/(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})/, (lx) => {
      lx.groups('Name.Tag', 'Text.Whitespace', 'Name.Variable', 'Text.Whitespace', 'Punctuation')
      lx.pop()
    })
    s.rule(/(comment)(\s*)(-?%\})/, (lx) => {
      lx.groups('Name.Tag', 'Text.Whitespace', 'Punctuation')
      lx.push('comment')
    })
    s.rule(/(raw)(\s*)(-?%\})/, (lx) => {
      lx.groups('Name.Tag', 'Text.Whitespace', 'Punctuation')
      lx.push('raw')
    })
    // end of block
    s.rule(/(end(?:if|unless|case))(\s*)(-?%\})/, (lx) => {
      lx.groups('Keyword.Reserved', 'Text.Whitespace', 'Punctuation')
      lx.pop()
    })
    s.rule(/(end(?:[^\s%]+))(\s*)(-?%\})/, (lx) => {
      lx.groups('Name.Tag', 'Text.Whitespace', 'Punctuation')
      lx.pop()
    })
    // builtin tags
    s.rule(/(assign|echo)\b/, 'Name.Tag', 'assign')
    s.rule(/(include|render)\b/, 'Name.Tag', 'include')
    s.rule(/(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)/, (lx, m) => {
      lx.groups(
        'Name.Tag',
        'Text.Whitespace',
        quotedToken(m[3], 'Name.Attribute'),
        'Text.Whitespace',
        'Punctuation',
        'Text.Whitespace',
      )
      lx.push('variable_tag_markup')
    })
    // iteration
    s.rule(
      x(`
        (for|tablerow)(\\s+)
        ([\\w-]+)(\\s+)
        (in)(\\s+)
        (
          (?: [^\\s%,\\|'"] | (?:"[^"]*"|'[^']*') )+
        )(\\s*)
      `),
      (lx, m) => {
        lx.groups(
          'Name.Tag',
          'Text.Whitespace',
          'Name.Variable',
          'Text.Whitespace',
          'Name.Tag',
          'Text.Whitespace',
        )
        lx.token(quotedToken(m[7], 'Name.Variable'), m[7])
        lx.token('Text.Whitespace', m[8])
        lx.push('tag_markup')
      },
    )
    // other tags or blocks
    s.rule(/([^\s%]+)(\s*)/, (lx) => {
      lx.groups('Name.Tag', 'Text.Whitespace')
      lx.push('tag_markup')
    })
  },

  output: (s) => {
    s.rule(/(\|)(\s*)([a-zA-Z_][^\s}\|:]*)/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace', 'Name.Function')
      lx.push('filters')
    })
    s.mixin('end_of_tag')
    s.mixin('generic')
  },

  filters: (s) => {
    s.rule(/(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)/, (lx) =>
      lx.groups('Punctuation', 'Text.Whitespace', 'Name.Function'),
    )
    s.mixin('end_of_tag')
    s.mixin('end_of_block')
    s.mixin('variable_param_markup')
  },

  condition: (s) => {
    s.rule(/([=!]=|[<>]=?)/, 'Operator')
    s.rule(/(and|or|contains)\b/, 'Operator.Word')
    s.mixin('end_of_block')
    s.mixin('generic')
  },

  when: (s) => {
    s.mixin('end_of_block')
    s.mixin('generic')
  },

  end_of_tag: (s) => {
    s.rule(/-?\}\}/, (lx) => {
      lx.token('Punctuation')
      lx.resetStack()
    })
  },

  end_of_block: (s) => {
    s.rule(/-?%\}/, (lx) => {
      lx.token('Punctuation')
      lx.resetStack()
    })
  },

  // states for unknown markup
  param_markup: (s) => {
    s.mixin('whitespace')
    s.mixin('keyword')
    s.mixin('string')
    s.mixin('number')
    s.rule(/([^\s=:]+)(\s*)(=|:)/, (lx) =>
      lx.groups('Name.Attribute', 'Text.Whitespace', 'Operator'),
    )
    s.rule(/[,:]/, 'Punctuation')
  },

  default_param_markup: (s) => {
    s.mixin('param_markup')
    s.rule(/\S+/, 'Text')
  },

  variable_param_markup: (s) => {
    s.mixin('param_markup')
    s.mixin('variable')
    s.rule(/\S+/, 'Text')
  },

  tag_markup: (s) => {
    s.rule(/(reversed)\b/, 'Name.Attribute')
    s.mixin('end_of_block')
    s.mixin('default_param_markup')
  },

  variable_tag_markup: (s) => {
    s.mixin('end_of_block')
    s.mixin('variable_param_markup')
  },

  // states for different values types
  keyword: (s) => {
    s.rule(/(false|true|nil)\b/, 'Keyword.Constant')
  },

  variable: (s) => {
    s.rule(/(empty|blank|forloop\.[^\s%}\|:]+)\b/, 'Name.Builtin')
    s.rule(/\.(?=\w)|\[|\]/, 'Punctuation')
    s.rule(/(first|last|size)\b/, 'Name.Function')
    s.rule(/[a-zA-Z_][\w-]*\??/, 'Name.Variable')
  },

  string: (s) => {
    s.rule(/'[^']*'/, 'Literal.String.Single')
    s.rule(/"[^"]*"/, 'Literal.String.Double')
  },

  number: (s) => {
    s.rule(/-/, 'Operator')
    s.rule(/\d+\.\d+/, 'Literal.Number.Float')
    s.rule(/\d+/, 'Literal.Number.Integer')
  },

  generic: (s) => {
    // decides what to do with each value type
    s.mixin('whitespace')
    s.mixin('keyword')
    s.mixin('string')
    s.mixin('number')
    s.mixin('variable')
  },

  whitespace: (s) => {
    s.rule(/[ \t]+/, 'Text.Whitespace')
  },

  comment: (s) => {
    s.rule(/[^\{]+/, 'Comment')
    s.rule(/(\{%-?)(\s*)(endcomment)(\s*)(-?%\})/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace', 'Name.Tag', 'Text.Whitespace', 'Punctuation')
      lx.resetStack()
    })
    s.rule(/\{/, 'Comment')
  },

  raw: (s) => {
    s.rule(/[^\{]+/, 'Text')
    s.rule(/(\{%-?)(\s*)(endraw)(\s*)(-?%\})/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace', 'Name.Tag', 'Text.Whitespace', 'Punctuation')
      lx.resetStack()
    })
    s.rule(/\{/, 'Text')
  },

  assign: (s) => {
    s.rule(/=/, 'Operator')
    s.rule(/(\|)(\s*)([a-zA-Z_][^\s%\|:]*)/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace', 'Name.Function')
      lx.push('filters')
    })
    s.mixin('end_of_block')
    s.mixin('generic')
  },

  include: (s) => {
    s.rule(/(\{\{-?)(\s*)/, (lx) => {
      lx.groups('Punctuation', 'Text.Whitespace')
      lx.push('output_embed')
    })
    s.rule(/(with|for)\b/, 'Name.Tag')
    s.rule(/[\/\w-]+(\.[\w-]+)+\b/, 'Text')
    s.mixin('variable_tag_markup')
  },

  output_embed: (s) => {
    s.rule(/(\|)(\s*)([a-zA-Z_][^\s}\|:]*)/, (lx) =>
      lx.groups('Punctuation', 'Text.Whitespace', 'Name.Function'),
    )
    s.rule(/-?\}\}/, 'Punctuation', 'pop!')
    s.mixin('variable_param_markup')
  },
})

export class LiquidLexer extends RegexLexer {
  protected readonly states = STATES
}
