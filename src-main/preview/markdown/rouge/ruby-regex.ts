/**
 * Ruby (Onigmo) regular expressions as Rouge's lexers write them, turned into
 * JavaScript ones that match the same text. The lexers' sources are copied
 * as they are and translated here once:
 *
 * - `\s` is ASCII whitespace in Ruby (a JavaScript `\s` would also take the
 *   no-break spaces of French text); `.` stops only at `\n` (`/m` makes it
 *   match everything); `\h` is a hex digit;
 * - `\b` and `\B` see Unicode word characters in Ruby while `\w` stays ASCII;
 * - `\p{Word}` is Alphabetic, marks, decimal digits and connectors;
 * - `\A`, `\z`, `\Z` become look-arounds: a rule is matched against the rest
 *   of the text (see regex-lexer.ts), so `\A` is where the rule is tried, as
 *   with Ruby's StringScanner;
 * - `/x` (extended) drops blanks and comments outside character classes;
 * - with the `u` flag JavaScript refuses needless escapes (`\:`, `\'`) and
 *   lone braces, which Ruby accepts: they are rewritten.
 *
 * What has no direct translation (atomic groups, possessive quantifiers,
 * POSIX brackets, inline flags) throws, so a lexer never silently differs.
 */

const WORD_CLASS = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}'
const WORD = `[${WORD_CLASS}]`
const SPACE_CLASS = ' \\t\\n\\v\\f\\r'
/** Characters JavaScript (u flag) lets one escape outside a class. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''))
const CLASS_ESCAPES: Record<string, string> = {
  s: SPACE_CLASS,
  h: '0-9a-fA-F',
  w: '\\w',
  W: '\\W',
  d: '\\d',
  D: '\\D',
  n: '\\n',
  t: '\\t',
  r: '\\r',
  f: '\\f',
  v: '\\v',
  e: '\\x1b',
  a: '\\x07',
}
const OUTSIDE_ESCAPES: Record<string, string> = {
  s: `[${SPACE_CLASS}]`,
  S: `[^${SPACE_CLASS}]`,
  h: '[0-9a-fA-F]',
  H: '[^0-9a-fA-F]',
  A: '(?<![\\s\\S])',
  z: '(?![\\s\\S])',
  Z: '(?=\\n?(?![\\s\\S]))',
  b: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
  e: '\\x1b',
  a: '\\x07',
}

function fail(source: string, what: string): never {
  throw new Error(`Ruby regexp /${source}/: ${what} has no translation`)
}

/** The JavaScript source for a Ruby regexp source with Ruby flags `i`, `m`, `x`. */
export function translateRubyRegex(source: string, flags = ''): string {
  const dotAll = flags.includes('m')
  const extended = flags.includes('x')
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (c === '\\') {
      const n = source[++i]
      if (n === undefined) fail(source, 'a trailing backslash')
      if (n === 'p' || n === 'P') {
        const m = /^\{(\^?)(\w+)\}/.exec(source.slice(i + 1))
        if (!m) fail(source, '\\p without {…}')
        i += m[0].length
        const negated = (n === 'P') !== (m[1] === '^')
        if (m[2] === 'Word') {
          if (inClass) {
            if (negated) fail(source, '\\P{Word} in a class')
            out += WORD_CLASS
          } else out += negated ? `[^${WORD_CLASS}]` : WORD
        } else out += `\\${negated ? 'P' : 'p'}{${m[2]}}`
      } else if (
        (n === 'x' && /^[0-9a-fA-F]{2}/.test(source.slice(i + 1))) ||
        (n === 'u' && /^[0-9a-fA-F]{4}/.test(source.slice(i + 1)))
      ) {
        // \xHH and \uHHHH mean the same in both.
        const length = n === 'x' ? 2 : 4
        out += `\\${n}${source.slice(i + 1, i + 1 + length)}`
        i += length
      } else if (inClass) {
        if (n in CLASS_ESCAPES) out += CLASS_ESCAPES[n]
        else if (/[A-Za-z]/.test(n)) fail(source, `\\${n} in a class`)
        else if (/[0-9]/.test(n)) fail(source, `\\${n} in a class`)
        else out += SYNTAX.has(n) || n === '-' ? `\\${n}` : n
      } else if (n in OUTSIDE_ESCAPES) {
        out += OUTSIDE_ESCAPES[n]
      } else if ('wWdDntrfv'.includes(n) || /[1-9]/.test(n)) {
        out += `\\${n}`
      } else if (n === 'k') {
        out += '\\k'
      } else if (/[A-Za-z0]/.test(n)) {
        fail(source, `\\${n}`)
      } else {
        out += SYNTAX.has(n) ? `\\${n}` : n
      }
      continue
    }
    if (inClass) {
      if (c === '[') fail(source, source[i + 1] === ':' ? 'a POSIX bracket' : 'a nested class')
      if (c === '&' && source[i + 1] === '&') fail(source, 'a class intersection')
      if (c === ']') inClass = false
      // Other characters, `/`, `-` and a `^` that does not start the class stand for themselves.
      out += c
      continue
    }
    if (extended) {
      if (/[ \t\n\v\f\r]/.test(c)) continue
      if (c === '#') {
        while (i < source.length && source[i] !== '\n') i++
        continue
      }
    }
    switch (c) {
      case '[':
        inClass = true
        out += c
        if (source[i + 1] === '^') {
          out += '^'
          i++
        }
        // A `]` first in a class is a literal in Ruby.
        if (source[i + 1] === ']') {
          out += '\\]'
          i++
        }
        break
      case '.':
        out += dotAll ? '[\\s\\S]' : '[^\\n]'
        break
      case '(': {
        const rest = source.slice(i + 1)
        if (rest.startsWith('?#')) {
          const end = source.indexOf(')', i)
          i = end
          break
        }
        if (rest.startsWith('?>')) fail(source, 'an atomic group')
        if (/^\?[imx-]+[:)]/.test(rest)) fail(source, 'inline flags')
        out += c
        break
      }
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))
        if (m) {
          out += m[0]
          i += m[0].length - 1
          if (source[i + 1] === '+') fail(source, 'a possessive quantifier')
        } else if (/^\{,\d+\}/.test(source.slice(i))) fail(source, 'a {,n} quantifier')
        else out += '\\{'
        break
      }
      case '}':
        out += '\\}'
        break
      case ']':
        out += '\\]'
        break
      case '*':
      case '+':
      case '?':
        out += c
        if (source[i + 1] === '+') fail(source, 'a possessive quantifier')
        break
      default:
        out += c
    }
  }
  if (inClass) fail(source, 'an unclosed class')
  return out
}

/**
 * A Ruby regexp for a lexer rule: matched sticky at the start of the rest of
 * the text, `^` and `$` at line ends as always in Ruby, Unicode-aware.
 */
export function rubyRegex(source: string | RegExp, flags = ''): RegExp {
  const src = typeof source === 'string' ? source : source.source
  return new RegExp(translateRubyRegex(src, flags), `ymu${flags.includes('i') ? 'i' : ''}`)
}
