/**
 * Rouge 3.30's YAML lexer (lib/rouge/lexers/yaml.rb), rule for rule. Its
 * indentation tracking (a stack of levels, the next level, the indent of a
 * block scalar) is kept on the instance as in Ruby.
 */
/* eslint-disable no-useless-escape -- the patterns are Rouge's Ruby ones, which ruby-regex.ts reads: there `\[` in a class and `\A` are not useless */
import { RegexLexer, StateTable, r, x } from './regex-lexer.js'

/** Ruby's String#to_i: an optional sign and the digits that follow, else 0. */
function rubyToI(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text)
  return m ? Number.parseInt(m[1]!, 10) : 0
}

const PLAIN_SCALAR_START = '[^ \\t\\n\\r\\f\\v?:,\\[\\]{}#&*!\\|>\'"%@`]'

const STATES: StateTable = StateTable.define<YamlLexer>({
  basic: (s) => {
    s.rule(/#.*$/, 'Comment.Single')
  },

  root: (s) => {
    s.mixin('basic')
    s.rule(/\n+/, 'Text')
    // trailing or pre-comment whitespace
    s.rule(/[ ]+(?=#|$)/, 'Text')
    s.rule(/^%YAML\b/, (lx) => {
      lx.token('Name.Tag')
      lx.resetIndent()
      lx.push('yaml_directive')
    })
    s.rule(/^%TAG\b/, (lx) => {
      lx.token('Name.Tag')
      lx.resetIndent()
      lx.push('tag_directive')
    })
    // doc-start and doc-end indicators
    s.rule(/^(?:---|\.\.\.)(?= |$)/, (lx) => {
      lx.token('Name.Namespace')
      lx.resetIndent()
      lx.push('block_line')
    })
    // indentation spaces
    s.rule(/[ ]*(?!\s|$)/, (lx, m) => {
      const [text, err] = lx.saveIndent(m[0])
      lx.token('Text', text)
      lx.token('Error', err)
      lx.push('block_line')
      lx.push('indentation')
    })
  },

  indentation: (s) => {
    s.rule(/\s*?\n/, (lx) => {
      lx.token('Text')
      lx.pop(2)
    })
    // whitespace preceding block collection indicators
    s.rule(/[ ]+(?=[-:?](?:[ ]|$))/, (lx, m) => {
      lx.token('Text')
      lx.continueIndent(m[0])
    })
    // block collection indicators
    s.rule(/[?:-](?=[ ]|$)/, (lx, m) => {
      lx.setIndent(m[0])
      lx.token('Punctuation.Indicator')
    })
    // the beginning of a block line
    s.rule(/[ ]*/, (lx, m) => {
      lx.token('Text')
      lx.continueIndent(m[0])
      lx.pop()
    })
  },

  // indented line in the block context
  block_line: (s) => {
    // line end
    s.rule(/[ ]*(?=#|$)/, 'Text', 'pop!')
    s.rule(/[ ]+/, 'Text')
    // tags, anchors, and aliases
    s.mixin('descriptors')
    // block collections and scalars
    s.mixin('block_nodes')
    // flow collections and quoed scalars
    s.mixin('flow_nodes')
    // a plain scalar
    s.rule(r(`(?=${PLAIN_SCALAR_START}|[?:-][^ \\t\\n\\r\\f\\v])`), (lx) => {
      lx.token('Name.Variable')
      lx.push('plain_scalar_in_block_context')
    })
  },

  descriptors: (s) => {
    // a full-form tag
    s.rule(/!<[0-9A-Za-z;\/?:@&=+$,_.!~*'()\[\]%-]+>/, 'Keyword.Type')
    // a tag in the form '!', '!suffix' or '!handle!suffix'
    s.rule(
      x(`
        (?:![\\w-]+)? # handle
        !(?:[\\w;/?:@&=+$,.!~*\\'()\\[\\]%-]*) # suffix
      `),
      'Keyword.Type',
    )
    // an anchor
    s.rule(/&[\p{L}\p{Nl}\p{Nd}_-]+/u, 'Name.Label')
    // an alias
    s.rule(/\*[\p{L}\p{Nl}\p{Nd}_-]+/u, 'Name.Variable')
  },

  block_nodes: (s) => {
    // implicit key
    s.rule(/([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)/, (lx, m) => {
      lx.groups('Name.Attribute', 'Punctuation.Indicator')
      lx.setIndent(m[0], true)
    })
    // literal and folded scalars
    s.rule(/[\|>][+-]?/, (lx) => {
      lx.token('Punctuation.Indicator')
      lx.push('block_scalar_content')
      lx.push('block_scalar_header')
    })
  },

  flow_nodes: (s) => {
    s.rule(/\[/, 'Punctuation.Indicator', 'flow_sequence')
    s.rule(/\{/, 'Punctuation.Indicator', 'flow_mapping')
    s.rule(/'/, 'Literal.String.Single', 'single_quoted_scalar')
    s.rule(/"/, 'Literal.String.Double', 'double_quoted_scalar')
  },

  flow_collection: (s) => {
    s.rule(/\s+/s, 'Text')
    s.mixin('basic')
    s.rule(/[?:,]/, 'Punctuation.Indicator')
    s.mixin('descriptors')
    s.mixin('flow_nodes')
    s.rule(r(`(?=${PLAIN_SCALAR_START})`), (lx) => lx.push('plain_scalar_in_flow_context'))
  },

  flow_sequence: (s) => {
    s.rule(/\]/, 'Punctuation.Indicator', 'pop!')
    s.mixin('flow_collection')
  },

  flow_mapping: (s) => {
    s.rule(/\}/, 'Punctuation.Indicator', 'pop!')
    s.mixin('flow_collection')
  },

  block_scalar_content: (s) => {
    s.rule(/\n+/, 'Text')
    // empty lines never dedent, but they might be part of the scalar.
    s.rule(/^[ ]+$/, (lx, m) => {
      const text = m[0]
      const indentMark = lx.blockScalarIndent ?? text.length
      lx.token('Text', text.slice(0, indentMark))
      lx.token('Name.Constant', text.slice(indentMark))
    })
    s.rule(/^[ ]*/, (lx, m) => {
      lx.token('Text')
      const indentSize = m[0].length
      const dedentLevel = lx.blockScalarIndent ?? lx.indent()
      lx.blockScalarIndent ??= indentSize
      if (indentSize < dedentLevel) {
        lx.saveIndent(m[0])
        lx.pop()
        lx.push('indentation')
      }
    })
    s.rule(/[^\n\r\f\v]+/, 'Literal.String')
  },

  block_scalar_header: (s) => {
    // optional indentation indicator and chomping flag, in either order
    s.rule(
      x(`
        (
          ([1-9])[+-]? | [+-]?([1-9])?
        )(?=[ ]|$)
      `),
      (lx, m) => {
        lx.blockScalarIndent = null
        lx.goto('ignored_line')
        if (m[0] === '') return
        // Ruby's `m[1] || m[2]`: group 1 is the whole indicator, so its to_i.
        const increment = m[1] ?? m[2]
        if (increment !== undefined) lx.blockScalarIndent = lx.indent() + rubyToI(increment)
        lx.token('Punctuation.Indicator')
      },
    )
  },

  ignored_line: (s) => {
    s.mixin('basic')
    s.rule(/[ ]+/, 'Text')
    s.rule(/\n/, 'Text', 'pop!')
  },

  quoted_scalar_whitespaces: (s) => {
    // leading and trailing whitespace is ignored
    s.rule(/^[ ]+/, 'Text')
    s.rule(/[ ]+$/, 'Text')
    s.rule(/\n+/s, 'Text')
    s.rule(/[ ]+/, 'Name.Variable')
  },

  single_quoted_scalar: (s) => {
    s.mixin('quoted_scalar_whitespaces')
    s.rule(/\\'/, 'Literal.String.Escape')
    s.rule(/'/, 'Literal.String', 'pop!')
    s.rule(/[^\s']+/, 'Literal.String')
  },

  double_quoted_scalar: (s) => {
    s.rule(/"/, 'Literal.String', 'pop!')
    s.mixin('quoted_scalar_whitespaces')
    // escapes
    s.rule(/\\[0abt\tn\nvfre "\\N_LP]/, 'Literal.String.Escape')
    s.rule(/\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/, 'Literal.String.Escape')
    s.rule(/[^ \t\n\r\f\v"\\]+/, 'Literal.String')
  },

  plain_scalar_in_block_context_new_line: (s) => {
    s.rule(/^[ ]+\n/, 'Text')
    s.rule(/\n+/s, 'Text')
    s.rule(/^(?=---|\.\.\.)/, (lx) => lx.pop(3))
    // dedent detection
    s.rule(/^[ ]*/, (lx, m) => {
      lx.token('Text')
      lx.pop()
      // dedent = end of scalar
      if (m[0].length <= lx.indent()) {
        lx.pop()
        lx.saveIndent(m[0])
        lx.push('indentation')
      }
    })
  },

  plain_scalar_in_block_context: (s) => {
    // the : indicator ends a scalar
    s.rule(/[ ]*(?=:[ \n]|:$)/, 'Text', 'pop!')
    s.rule(/[ ]*:\S+/, 'Literal.String')
    s.rule(/[ ]+(?=#)/, 'Text', 'pop!')
    s.rule(/[ ]+$/, 'Text')
    // check for new documents or dedents at the new line
    s.rule(/\n+/, (lx) => {
      lx.token('Text')
      lx.push('plain_scalar_in_block_context_new_line')
    })
    s.rule(/[ ]+/, 'Literal.String')
    s.rule(/true|false|null/, 'Name.Constant')
    s.rule(/\d+(?:\.\d+)?(?=(\r?\n)| +#)/, 'Literal.Number', 'pop!')
    // regular non-whitespace characters
    s.rule(/[^\s:]+/, 'Literal.String')
  },

  plain_scalar_in_flow_context: (s) => {
    s.rule(/[ ]*(?=[,:?\[\]{}])/, 'Text', 'pop!')
    s.rule(/[ ]+(?=#)/, 'Text', 'pop!')
    s.rule(/^[ ]+/, 'Text')
    s.rule(/[ ]+$/, 'Text')
    s.rule(/\n+/, 'Text')
    s.rule(/[ ]+/, 'Name.Variable')
    s.rule(/[^\s,:?\[\]{}]+/, 'Name.Variable')
  },

  yaml_directive: (s) => {
    s.rule(/([ ]+)(\d+\.\d+)/, (lx) => {
      lx.groups('Text', 'Literal.Number')
      lx.goto('ignored_line')
    })
  },

  tag_directive: (s) => {
    s.rule(
      x(`
        ([ ]+)(!|![\\w-]*!) # prefix
        ([ ]+)(!|!?[\\w;/?:@&=+$,.!~*'()\\[\\]%-]+) # tag handle
      `),
      (lx) => {
        lx.groups('Text', 'Keyword.Type', 'Text', 'Keyword.Type')
        lx.goto('ignored_line')
      },
    )
  },
})

export class YamlLexer extends RegexLexer {
  protected readonly states = STATES
  private indentStack: number[] = [0]
  private nextIndent = 0
  blockScalarIndent: number | null = null

  protected override start(): void {
    this.resetIndent()
  }

  /** reset the indentation levels */
  resetIndent(): void {
    this.indentStack = [0]
    this.nextIndent = 0
    this.blockScalarIndent = null
  }

  indent(): number {
    const level = this.indentStack.at(-1)
    if (level === undefined) throw new Error('empty indent stack!')
    return level
  }

  /** Save a possible indentation level */
  saveIndent(match: string): [string, string] {
    this.nextIndent = match.length
    if (this.nextIndent < this.indent()) {
      while (this.nextIndent < this.indent()) this.indentStack.pop()
      // dedenting to a state not previously indented to is an error
      return [match.slice(0, this.indent()), match.slice(this.indent())]
    }
    return [match, '']
  }

  continueIndent(match: string): void {
    this.nextIndent += match.length
  }

  setIndent(match: string, implicit = false): void {
    if (this.indent() < this.nextIndent) this.indentStack.push(this.nextIndent)
    if (!implicit) this.nextIndent += match.length
  }
}
