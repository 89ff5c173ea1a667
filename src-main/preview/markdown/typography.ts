/**
 * kramdown's typographic conversions (smart_quotes.rb, typographic_symbol.rb):
 * the rules deciding which quote a `'` or `"` becomes, and the symbols
 * `--`, `---`, `...`, `<<`, `>>`. The writer outputs the characters themselves
 * (Jekyll's `entity_output: as_char`), e.g. `’`, `–`, `…`, `«`.
 */
import { S } from './patterns.js'

const SQ_PUNCT = '[!"#$%\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]'
const SQ_CLOSE = '[^ \\\\\\t\\r\\n\\[{(-]'

export type QuoteSubst = number | 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | QuoteName
export type QuoteName = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo'

/** SQ_RULES, in order: the first that matches at the position decides. */
export const SQ_RULES: ReadonlyArray<readonly [RegExp, readonly QuoteSubst[]]> = [
  [/("|')(?=[_*]{1,2}[^ \t\n\v\f\r])/y, ['lquote1']],
  // `\B` after punctuation: Ruby's \B is ASCII-word based like JavaScript's.
  [new RegExp(`("|')(?=${SQ_PUNCT}(?!\\.\\.)\\B)`, 'y'), ['rquote1']],
  [new RegExp(`(${S}?)"'(?=\\w)`, 'y'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`(${S}?)'"(?=\\w)`, 'y'), [1, 'lsquo', 'ldquo']],
  [new RegExp(`(${S}?)'(?=\\d\\ds)`, 'y'), [1, 'rsquo']],
  [new RegExp(`(${S})('|")(?=\\w)`, 'y'), [1, 'lquote2']],
  [new RegExp(`(${SQ_CLOSE})('|")`, 'y'), [1, 'rquote2']],
  [new RegExp(`("|')(?=${S}|s\\b|$)`, 'my'), ['rquote1']],
  [/([\s\S]?)'/y, [1, 'lsquo']],
  [/([\s\S]?)"/y, [1, 'ldquo']],
]

/** SQ_SUBSTS: a generic quote and the character it stands on give the quote. */
export function quoteFor(subst: QuoteSubst, char: string): QuoteName {
  switch (subst) {
    case 'rquote1':
    case 'rquote2':
      return char === '"' ? 'rdquo' : 'rsquo'
    case 'lquote1':
    case 'lquote2':
      return char === '"' ? 'ldquo' : 'lsquo'
    default:
      return subst as QuoteName
  }
}

export type TypographicSym =
  'mdash' | 'ndash' | 'hellip' | 'laquo_space' | 'raquo_space' | 'laquo' | 'raquo'

/** TYPOGRAPHIC_SYMS: source text → symbol, or `lt`/`gt` pairs for the escaped `\<<`, `\>>`. */
export const TYPOGRAPHIC_SYMS: ReadonlyMap<string, TypographicSym | 'lt' | 'gt'> = new Map([
  ['---', 'mdash'],
  ['--', 'ndash'],
  ['...', 'hellip'],
  ['\\<<', 'lt'],
  ['\\>>', 'gt'],
  ['<< ', 'laquo_space'],
  [' >>', 'raquo_space'],
  ['<<', 'laquo'],
  ['>>', 'raquo'],
] as const)

/** The characters each symbol is written as (converter/html.rb TYPOGRAPHIC_SYMS). */
export const TYPOGRAPHIC_OUTPUT: Readonly<Record<TypographicSym, string>> = {
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo_space: '\u00ab\u00a0',
  raquo_space: '\u00a0\u00bb',
  laquo: '\u00ab',
  raquo: '\u00bb',
}

/** What GFM puts into a header's raw text for each symbol (for its id). */
export const TYPOGRAPHIC_RAW_TEXT: Readonly<Record<TypographicSym, string>> = {
  ...TYPOGRAPHIC_OUTPUT,
  laquo_space: '\u00ab ',
  raquo_space: ' \u00bb',
}
