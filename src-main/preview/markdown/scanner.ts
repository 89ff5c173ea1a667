/**
 * A port of the parts of Ruby's StringScanner that kramdown uses. kramdown's
 * parser is a cascade of `check`/`scan`/`scan_until` calls; keeping the same
 * vocabulary lets the port follow the Ruby source line by line, which is what
 * makes its output identical.
 *
 * Ruby's scanner (without `fixed_anchor`) matches against the rest of the
 * string, so `^` always matches at the scan position. JavaScript's sticky
 * regexps with the `m` flag only match `^` after a newline, which is the same
 * thing at a line start — where block parsing almost always is. When the
 * position is mid-line (after an HTML start tag, in span parsing), the match
 * runs on the rest of the string instead, so `^` keeps Ruby's meaning.
 */
const CARET = new WeakMap<RegExp, boolean>()

export class Scanner {
  readonly string: string
  pos = 0
  private lastMatch: RegExpExecArray | null = null
  private lastStart = 0

  constructor(string: string) {
    this.string = string
  }

  get eos(): boolean {
    return this.pos >= this.string.length
  }

  get rest(): string {
    return this.string.slice(this.pos)
  }

  /** The text of the last match (Ruby's `matched`). */
  get matched(): string {
    return this.lastMatch ? this.lastMatch[0] : ''
  }

  get matchedSize(): number {
    return this.lastMatch ? this.lastMatch[0].length : 0
  }

  /** Everything before the last match (Ruby's `pre_match`). */
  get preMatch(): string {
    return this.string.slice(0, this.lastStart)
  }

  /**
   * The last `length` characters of `preMatch`: what emphasis and code spans
   * look at, without copying the whole text before them at every delimiter
   * (which made a paragraph of delimiters quadratic).
   */
  preMatchTail(length: number): string {
    return this.string.slice(Math.max(0, this.lastStart - length), this.lastStart)
  }

  /** The length of `preMatch`. */
  get preMatchLength(): number {
    return this.lastStart
  }

  /** A group of the last match (Ruby's `scanner[n]`); undefined when it did not participate. */
  group(n: number | string): string | undefined {
    if (!this.lastMatch) return undefined
    if (typeof n === 'string') return this.lastMatch.groups?.[n]
    return this.lastMatch[n]
  }

  terminate(): void {
    this.pos = this.string.length
    this.lastMatch = null
  }

  getch(): string {
    if (this.eos) return ''
    const cp = this.string.codePointAt(this.pos)!
    const ch = String.fromCodePoint(cp)
    this.lastStart = this.pos
    this.pos += ch.length
    return ch
  }

  /** Whether `re` can match here directly: at a line start, or when it has no `^` to honour. */
  private direct(re: RegExp): boolean {
    if (this.pos === 0 || this.string.charCodeAt(this.pos - 1) === 10) return true
    let caret = CARET.get(re)
    if (caret === undefined) {
      caret = /(^|[^[\\])\^/.test(re.source)
      CARET.set(re, caret)
    }
    return !caret
  }

  /** Anchored match at the position, without moving; sets the match registers. */
  private matchHere(re: RegExp): RegExpExecArray | null {
    let m: RegExpExecArray | null
    if (this.direct(re)) {
      re.lastIndex = this.pos
      m = re.exec(this.string)
      this.lastStart = this.pos
    } else {
      re.lastIndex = 0
      m = re.exec(this.string.slice(this.pos))
      if (m) m.index += this.pos
      this.lastStart = this.pos
    }
    this.lastMatch = m
    return m
  }

  /** Ruby's `check`: the match at the position (a sticky regexp), or null. */
  check(re: RegExp): string | null {
    const m = this.matchHere(re)
    return m ? m[0] : null
  }

  /** Ruby's `match?`: the length of the match at the position, or null. */
  match(re: RegExp): number | null {
    const m = this.matchHere(re)
    return m ? m[0].length : null
  }

  /** Ruby's `scan`: match at the position and move past it. */
  scan(re: RegExp): string | null {
    const m = this.matchHere(re)
    if (!m) return null
    this.pos += m[0].length
    return m[0]
  }

  /**
   * Ruby's `scan_until`: search forward from the position (a global regexp),
   * move past the match and return everything up to its end.
   */
  scanUntil(re: RegExp): string | null {
    const start = this.pos
    let m: RegExpExecArray | null
    if (this.direct(re)) {
      re.lastIndex = start
      m = re.exec(this.string)
    } else {
      re.lastIndex = 0
      const rest = this.string.slice(start)
      m = re.exec(rest)
      if (m) m.index += start
    }
    this.lastMatch = m
    if (!m) return null
    this.lastStart = m.index
    this.pos = m.index + m[0].length
    return this.string.slice(start, this.pos)
  }
}
