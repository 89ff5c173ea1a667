/** Rouge 3.30's shell lexer (lib/rouge/lexers/shell.rb: shell, bash, zsh, ksh, sh), rule for rule. */
/* eslint-disable no-useless-escape -- the patterns are Rouge's Ruby ones, which ruby-regex.ts reads: there `\[` in a class and `\A` are not useless */
import { RegexLexer, StateTable, r } from './regex-lexer.js'

const KEYWORDS = `
  if fi else while do done for then return function
  select continue until esac elif in
`
  .trim()
  .split(/\s+/)
  .join('|')

const BUILTINS = `
  alias bg bind break builtin caller cd command compgen
  complete declare dirs disown enable eval exec exit
  export false fc fg getopts hash help history jobs let
  local logout mapfile popd pushd pwd read readonly set
  shift shopt source suspend test time times trap true type
  typeset ulimit umask unalias unset wait

  cat tac nl od base32 base64 fmt pr fold head tail split csplit
  wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum
  sha512sum sort shuf uniq comm ptx tsort cut paste join tr expand
  unexpand ls dir vdir dircolors cp dd install mv rm shred link ln
  mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch
  df du stat sync truncate echo printf yes expr tee basename dirname
  pathchk mktemp realpath pwd stty printenv tty id logname whoami
  groups users who date arch nproc uname hostname hostid uptime chcon
  runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt
  seq tar grep sudo awk sed gzip gunzip
`
  .trim()
  .split(/\s+/)
  .join('|')

const STATES: StateTable = StateTable.define<ShellLexer>({
  basic: (s) => {
    s.rule(/#.*$/, 'Comment')
    s.rule(r(`\\b(${KEYWORDS})\\s*\\b`), 'Keyword')
    s.rule(/\bcase\b/, 'Keyword', 'case')
    s.rule(r(`\\b(${BUILTINS})\\s*\\b(?!(\\.|-))`), 'Name.Builtin')
    s.rule(/[.](?=\s)/, 'Name.Builtin')
    s.rule(/(\b\w+)(=)/, (lx) => lx.groups('Name.Variable', 'Operator'))
    s.rule(/[\[\]{}()!=>]/, 'Operator')
    s.rule(/&&|\|\|/, 'Operator')
    // here-string
    s.rule(/<<</, 'Operator')
    s.rule(/(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)/, (lx, m) => {
      lx.groups(
        'Operator',
        'Text',
        'Literal.String.Heredoc',
        'Literal.String.Heredoc',
        'Name.Constant',
        'Literal.String.Heredoc',
      )
      // Regexp.escape of a word is the word.
      lx.heredocstr = m[5]!
      lx.push('heredoc')
    })
  },

  heredoc: (s) => {
    s.rule(/\n/, 'Literal.String.Heredoc', 'heredoc_nl')
    s.rule(/[^$\n\\]+/, 'Literal.String.Heredoc')
    s.mixin('interp')
    s.rule(/[$]/, 'Literal.String.Heredoc')
  },

  heredoc_nl: (s) => {
    s.rule(/\s*(\w+)\s*\n/, (lx, m) => {
      if (m[1] === lx.heredocstr) {
        lx.token('Name.Constant')
        lx.pop(2)
      } else lx.token('Literal.String.Heredoc')
    })
    s.rule(/(?:)/, (lx) => lx.pop())
  },

  double_quotes: (s) => {
    // NB: "abc$" is literally the string abc$.
    // Here we prevent :interp from interpreting $" as a variable.
    s.rule(/(?:\$#?)?"/, 'Literal.String.Double', 'pop!')
    s.mixin('interp')
    s.rule(/[^"`\\$]+/, 'Literal.String.Double')
  },

  ansi_string: (s) => {
    s.rule(/\\./, 'Literal.String.Escape')
    s.rule(/[^\\']+/, 'Literal.String.Single')
    s.mixin('single_quotes')
  },

  single_quotes: (s) => {
    s.rule(/'/, 'Literal.String.Single', 'pop!')
    s.rule(/[^']+/, 'Literal.String.Single')
  },

  data: (s) => {
    s.rule(/\s+/, 'Text')
    s.rule(/\\./, 'Literal.String.Escape')
    s.rule(/\$?"/, 'Literal.String.Double', 'double_quotes')
    s.rule(/\$'/, 'Literal.String.Single', 'ansi_string')
    s.rule(/'/, 'Literal.String.Single', 'single_quotes')
    s.rule(/\*/, 'Keyword')
    s.rule(/;/, 'Punctuation')
    s.rule(/--?[\w-]+/, 'Name.Tag')
    s.rule(/[^=\*\s{}()$"'`;\\<]+/, 'Text')
    s.rule(r('\\d+(?= |\\Z)'), 'Literal.Number')
    s.rule(/</, 'Text')
    s.mixin('interp')
  },

  curly: (s) => {
    s.rule(r('}'), 'Keyword', 'pop!')
    s.rule(/:-/, 'Keyword')
    s.rule(/[a-zA-Z0-9_]+/, 'Name.Variable')
    s.rule(/[^}:"`'$]+/, 'Punctuation')
    s.mixin('root')
  },

  // the state inside $(...)
  paren_interp: (s) => {
    s.rule(/\)/, 'Literal.String.Interpol', 'pop!')
    s.rule(/\(/, 'Operator', 'paren_inner')
    s.mixin('root')
  },

  // used to balance parentheses inside interpolation
  paren_inner: (s) => {
    s.rule(/\(/, 'Operator', 'push')
    s.rule(/\)/, 'Operator', 'pop!')
    s.mixin('root')
  },

  math: (s) => {
    s.rule(/\)\)/, 'Keyword', 'pop!')
    s.rule(/[-+*/%^|&!]|\*\*|\|\|/, 'Operator')
    s.rule(/\d+(#\w+)?/, 'Literal.Number')
    s.mixin('root')
  },

  case: (s) => {
    s.rule(/\besac\b/, 'Keyword', 'pop!')
    s.rule(/\|/, 'Punctuation')
    s.rule(/\)/, 'Punctuation', 'case_stanza')
    s.mixin('root')
  },

  case_stanza: (s) => {
    s.rule(/;;/, 'Punctuation', 'pop!')
    s.mixin('root')
  },

  backticks: (s) => {
    s.rule(/`/, 'Literal.String.Backtick', 'pop!')
    s.mixin('root')
  },

  interp: (s) => {
    s.rule(/\\$/, 'Literal.String.Escape') // line continuation
    s.rule(/\\./, 'Literal.String.Escape')
    s.rule(/\$\(\(/, 'Keyword', 'math')
    s.rule(/\$\(/, 'Literal.String.Interpol', 'paren_interp')
    s.rule(r('\\${#?'), 'Keyword', 'curly')
    s.rule(/`/, 'Literal.String.Backtick', 'backticks')
    s.rule(/\$#?(\w+|.)/, 'Name.Variable')
    s.rule(/\$[*@]/, 'Name.Variable')
  },

  root: (s) => {
    s.mixin('basic')
    s.mixin('data')
  },
})

export class ShellLexer extends RegexLexer {
  protected readonly states = STATES
  heredocstr = ''
}
