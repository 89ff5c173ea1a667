/**
 * What the explorer shows of a page's front matter (a `PageEntry`'s title and order), read
 * without the full YAML parser when the front matter is simple enough to be sure of it.
 *
 * Parsing every page's YAML, and the garbage it left, was the largest cost of a cold index
 * after the reading itself (issue 18). Most front matter is a list of `key: value` lines,
 * where a title and an order can be read off exactly. `scanIndexKeys` reads that subset and
 * gives up (null) on anything else — quotes it does not know, multi-line scalars, anchors,
 * tags, flow mappings, tabs, odd characters or indentation — so the caller asks the full
 * parser, the judge, which also finds the line of a mistake. The differential test
 * (`index-keys.property.test.ts`) holds the two to the same answers. The page's other
 * settings are parsed in full when it opens.
 */

/** A page's title and order, as the explorer uses them: a string title, a finite order. */
export interface IndexKeys {
  title?: string
  order?: number
}

/** The explorer's keys of front matter the full parser read. */
export function indexKeysOf(data: Record<string, unknown>): IndexKeys {
  const keys: IndexKeys = {}
  const { title, order } = data
  if (typeof title === 'string') keys.title = title
  if (typeof order === 'number' && Number.isFinite(order)) keys.order = order
  return keys
}

/**
 * Characters the scanner leaves to the full parser: tabs (forbidden in YAML indentation),
 * control characters, a carriage return not followed by a line feed, a BOM inside the text,
 * YAML 1.1's other line breaks (NEL, LS, PS), non-characters and lone surrogates.
 */
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)|\p{Cs}/u
/** A plain key of letters (`thèmes`), digits, `_` and `-`; YAML allows at most 1024 characters. */
const KEY = /^([\p{L}_][\p{L}\p{N}_-]{0,200}):(?: +(.*))?$/u
/** After a quoted scalar, a flow sequence or a block scalar's header: spaces, then a comment. */
const LINE_END = /^(?: +#.*| *)$/
const BLOCK_SCALAR_HEADER = /^[|>][+-]?(?: +#.*| *)$/
/** YAML 1.1 reads these plain scalars as booleans, null, infinities or a merge (Psych as well). */
const NOT_A_STRING = /^(?:y|n|yes|no|true|false|on|off|null|~|<<|[-+]?\.inf|\.nan)$/i
/** Every character YAML 1.1's numbers, sexagesimals and dates are written with. */
const NUMBER_OR_DATE_CHARACTERS = /^[0-9a-fA-F_.:+\- xtTZ]*$/
/** An order written as a plain decimal: YAML 1.1 reads `010` as octal, `1_0` as 10, so not those. */
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/
/** An item of a one-line flow sequence (`tags: [budget, accès à l'information]` minus quotes). */
const FLOW_ITEM =
  /^[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\u00A0-\uFFFF_./-]| (?=[A-Za-z0-9\u00A0-\uFFFF]))*$/
/** Deeper nesting is left to the full parser: front matter is settings, not data. */
const MAX_DEPTH = 8

/** An inline scalar: a string for sure, a number for sure, or valid but not worth resolving. */
type Scalar =
  { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'other' }

/** A line that is neither blank nor a comment, with its indentation counted in spaces. */
interface Line {
  indent: number
  text: string
}

/** The title and order of simple front matter, exactly as the full parser reads them, or null. */
export function scanIndexKeys(yaml: string): IndexKeys | null {
  if (OUTSIDE_SUBSET.test(yaml)) return null
  const scanner = new Scanner(
    yaml.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)),
  )
  const first = scanner.peek()
  if (first === null) return {}
  // An indented or sequence document is valid YAML but rare: the parser decides.
  if (first.indent !== 0 || isSequenceItem(first.text)) return null
  if (!scanner.mapping(0, 0, true) || scanner.peek() !== null) return null
  return scanner.keys
}

class Scanner {
  readonly keys: IndexKeys = {}
  private at = 0

  constructor(private readonly lines: string[]) {}

  /** The next line with content (skipping blank and comment lines), not consumed. */
  peek(): Line | null {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!
      const indent = countSpaces(line)
      if (indent < line.length && line[indent] !== '#') return { indent, text: line.slice(indent) }
      this.at++
    }
    return null
  }

  /** A block mapping whose keys sit at `indent`; `top`: the page's own settings. */
  mapping(indent: number, depth: number, top: boolean): boolean {
    for (;;) {
      const line = this.peek()
      if (line === null || line.indent < indent) return true
      if (line.indent > indent) return false
      const match = KEY.exec(line.text)
      if (!match) return false
      this.at++
      const key = match[1]!
      if (!this.value(indent, match[2] ?? '', depth, top && isIndexKey(key) ? key : null)) {
        return false
      }
    }
  }

  /** The value of a `key:` at `indent`, `rest` being what follows the colon on its line. */
  private value(indent: number, rest: string, depth: number, key: keyof IndexKeys | null): boolean {
    if (rest === '' || rest[0] === '#') {
      const next = this.peek()
      if (next !== null && next.indent > indent) {
        return key === null && this.block(next.indent, depth + 1)
      }
      // A sequence may sit at its key's own indentation.
      if (next !== null && next.indent === indent && isSequenceItem(next.text)) {
        return key === null && this.sequence(indent, depth + 1)
      }
      // `title:` alone is null, which the explorer ignores, as it ignores the earlier title.
      if (key !== null) delete this.keys[key]
      return true
    }
    if (rest[0] === '|' || rest[0] === '>') {
      return key === null && BLOCK_SCALAR_HEADER.test(rest) && this.blockScalar(indent)
    }
    const scalar = inlineScalar(rest)
    if (scalar === null) return false
    if (key === 'title') {
      if (scalar.kind !== 'string') return false
      this.keys.title = scalar.value
    } else if (key === 'order') {
      if (scalar.kind === 'number') this.keys.order = scalar.value
      else if (scalar.kind === 'string') delete this.keys.order
      else return false
    }
    return true
  }

  /** A nested collection whose first line sits at `indent`. */
  private block(indent: number, depth: number): boolean {
    if (depth > MAX_DEPTH) return false
    const line = this.peek()!
    return isSequenceItem(line.text)
      ? this.sequence(indent, depth)
      : this.mapping(indent, depth, false)
  }

  /** A block sequence whose `-` sit at `indent`. */
  private sequence(indent: number, depth: number): boolean {
    if (depth > MAX_DEPTH) return false
    for (;;) {
      const line = this.peek()
      if (line === null || line.indent < indent) return true
      if (line.indent > indent) return false
      // The line belongs to whoever holds this sequence (a key at the same indentation).
      if (!isSequenceItem(line.text)) return true
      this.at++
      const spaces = countSpaces(line.text.slice(1))
      const content = line.text.slice(1 + spaces)
      if (content === '' || content[0] === '#') {
        const next = this.peek()
        if (next !== null && next.indent > indent && !this.block(next.indent, depth + 1)) {
          return false
        }
        continue
      }
      if (isSequenceItem(content) || content[0] === '|' || content[0] === '>') return false
      const match = KEY.exec(content)
      if (match) {
        // `- key: value` opens a mapping whose keys line up with this first key.
        const column = indent + 1 + spaces
        if (!this.value(column, match[2] ?? '', depth + 1, null)) return false
        if (!this.mapping(column, depth + 1, false)) return false
      } else if (inlineScalar(content) === null) return false
    }
  }

  /** The lines of a `|` or `>` scalar under a key at `indent`; its content does not matter here. */
  private blockScalar(indent: number): boolean {
    let contentIndent = -1
    let leadingSpaces = 0
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!
      const spaces = countSpaces(line)
      if (spaces === line.length) {
        if (contentIndent < 0) leadingSpaces = Math.max(leadingSpaces, spaces)
      } else if (spaces <= indent) {
        break
      } else if (contentIndent < 0) {
        // Leading blank lines longer than the first line's indentation are an error in YAML.
        if (leadingSpaces > spaces) return false
        contentIndent = spaces
      } else if (spaces < contentIndent) {
        return false
      }
      this.at++
    }
    return contentIndent > 0 || leadingSpaces === 0
  }
}

function isIndexKey(key: string): key is keyof IndexKeys {
  return key === 'title' || key === 'order'
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ')
}

function countSpaces(text: string): number {
  let count = 0
  while (count < text.length && text.charCodeAt(count) === 0x20) count++
  return count
}

/** A scalar on one line after `key: ` or `- `, or null when outside the subset. */
function inlineScalar(text: string): Scalar | null {
  switch (text[0]) {
    case '"':
      return doubleQuoted(text)
    case "'":
      return singleQuoted(text)
    case '[':
      return flowSequence(text) ? { kind: 'other' } : null
  }
  // Indicators: flow mappings, anchors, aliases, tags, directives, reserved characters.
  if (',]{}#&*!|>%@`'.includes(text[0]!)) return null
  const comment = text.indexOf(' #')
  let end = comment < 0 ? text.length : comment
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--
  const plain = text.slice(0, end)
  // `- x`, `? x` and `: x` are structure; a `: ` inside is a mapping YAML refuses on one line.
  if ('-?:'.includes(plain[0]!) && (plain.length === 1 || plain[1] === ' ')) return null
  if (plain.includes(': ') || plain.endsWith(':')) return null
  if (DECIMAL.test(plain)) {
    return { kind: 'number', value: Number(plain) }
  }
  if (NOT_A_STRING.test(plain)) return { kind: 'other' }
  // YAML 1.1's numbers and dates start with a digit, a sign or a dot, and use few characters:
  // `Étape 3` and `3rd Party` are strings, `2024-03-05` and `1_000` are left to the parser.
  const first = plain.charCodeAt(0)
  const letter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a
  if (letter || first >= 0xa0 || !NUMBER_OR_DATE_CHARACTERS.test(plain)) {
    return { kind: 'string', value: plain }
  }
  return { kind: 'other' }
}

/** `"…"` on one line with only `\\`, `\"`, `\n` and `\t` escapes. */
function doubleQuoted(text: string): Scalar | null {
  let value = ''
  for (let at = 1; at < text.length; at++) {
    const char = text[at]!
    if (char === '"') return LINE_END.test(text.slice(at + 1)) ? { kind: 'string', value } : null
    if (char !== '\\') {
      value += char
      continue
    }
    const escaped = text[++at]
    if (escaped === '\\' || escaped === '"') value += escaped
    else if (escaped === 'n') value += '\n'
    else if (escaped === 't') value += '\t'
    else return null
  }
  return null
}

/** `'…'` on one line, `''` standing for one quote. */
function singleQuoted(text: string): Scalar | null {
  let value = ''
  for (let at = 1; at < text.length; at++) {
    const char = text[at]!
    if (char !== "'") value += char
    else if (text[at + 1] === "'") value += text[++at]
    else return LINE_END.test(text.slice(at + 1)) ? { kind: 'string', value } : null
  }
  return null
}

/** `[a, b c, d-e]` on one line, items plain words; the explorer never needs their values. */
function flowSequence(text: string): boolean {
  const close = text.indexOf(']')
  if (close < 0 || !LINE_END.test(text.slice(close + 1))) return false
  const inner = text.slice(1, close)
  if (inner === '') return true
  return inner.split(',').every((item) => FLOW_ITEM.test(trimSpaces(item)))
}

function trimSpaces(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && text.charCodeAt(start) === 0x20) start++
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--
  return text.slice(start, end)
}
