/**
 * Look-ups the inline parser makes over one text, each answered in amortized
 * constant time, so that parsing stays linear however many openers a hostile
 * text has (`[` × n, `*a ` × n, `<!--` × n…). A naive parser searches the rest
 * of the text from every opener: quadratic.
 */
export class TextScanner {
  private brackets: Int32Array | null = null
  private bracketHasClose: Uint8Array | null = null
  private readonly closers = new Map<string, Int32Array>()
  private readonly finds = new Map<string, { from: number; at: number }>()

  constructor(readonly text: string) {}

  /**
   * The first index ≥ `from` of `needle` (a string, or a one-character class
   * as a sticky-free global regex), or -1. Remembers the last answer: the
   * parser asks with growing `from`, so each part of the text is searched once.
   */
  indexOf(needle: string | RegExp, from: number): number {
    const key = typeof needle === 'string' ? needle : needle.source
    const last = this.finds.get(key)
    if (last && from >= last.from && (last.at === -1 || last.at >= from)) return last.at
    let at: number
    if (typeof needle === 'string') at = this.text.indexOf(needle, from)
    else {
      needle.lastIndex = from
      at = needle.exec(this.text)?.index ?? -1
    }
    this.finds.set(key, { from, at })
    return at
  }

  /**
   * The `]` closing the `[` at `open` (nested pairs counted, `\`-escaped
   * characters skipped), or -1. All pairs are matched in one pass with a stack.
   */
  closingBracket(open: number): number {
    if (!this.brackets) this.matchBrackets()
    // An opener the one pass saw as escaped is scanned from itself, as the parser does.
    if (this.brackets![open] === -2) return scanClosingBracket(this.text, open)
    return this.brackets![open]!
  }

  /** Whether the label of the pair opened at `open` holds a `]` (so it cannot name a reference). */
  labelHasBracket(open: number): boolean {
    if (!this.brackets) this.matchBrackets()
    return this.bracketHasClose![open] === 1
  }

  private matchBrackets(): void {
    const text = this.text
    const brackets = new Int32Array(text.length).fill(-2)
    const hasClose = new Uint8Array(text.length)
    const stack: number[] = []
    let lastClose = -1
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index)
      if (char === 0x5c /* \ */) {
        if (text[index + 1] === ']') lastClose = index + 1
        index++
      } else if (char === 0x5b /* [ */) {
        brackets[index] = -1
        stack.push(index)
      } else if (char === 0x5d /* ] */) {
        const open = stack.pop()
        if (open !== undefined) {
          brackets[open] = index
          if (lastClose > open) hasClose[open] = 1
        }
        lastClose = index
      }
    }
    this.brackets = brackets
    this.bracketHasClose = hasClose
  }

  /**
   * The first position ≥ `from` that closes emphasis written with `delimiter`
   * (`*`, `**`, `_`, `__`), or -1, following the parser's rules: right-flanking,
   * not inside a word for `_`, a single delimiter not followed by another, and
   * a search that steps over pairs of a run. Computed for all positions at once,
   * from the end, since whether a position closes does not depend on the opener.
   */
  emphasisCloser(delimiter: string, from: number): number {
    let table = this.closers.get(delimiter)
    if (!table) {
      table = emphasisClosers(this.text, delimiter)
      this.closers.set(delimiter, table)
    }
    return from >= table.length ? -1 : table[from]!
  }
}

function scanClosingBracket(text: string, open: number): number {
  let depth = 0
  for (let index = open; index < text.length; index++) {
    const char = text[index]
    if (char === '\\') index++
    else if (char === '[') depth++
    else if (char === ']' && --depth === 0) return index
  }
  return -1
}

const SPACE = /\s/
const WORD = /[\p{L}\p{N}]/u

function emphasisClosers(text: string, delimiter: string): Int32Array {
  const char = delimiter[0]!
  const size = delimiter.length
  const next = new Int32Array(text.length + 1)
  next[text.length] = -1
  for (let position = text.length - 1; position >= 0; position--) {
    if (!text.startsWith(delimiter, position)) {
      next[position] = next[position + 1]!
      continue
    }
    const nextChar = text[position + size] ?? ' '
    const rightFlanking = !SPACE.test(text[position - 1] ?? 'x')
    const sameRun = nextChar === char
    const intraword = char === '_' && WORD.test(nextChar)
    if (rightFlanking && !intraword && !(size === 1 && sameRun)) next[position] = position
    else {
      const step = position + (sameRun ? 2 : 1)
      next[position] = step >= text.length ? -1 : next[step]!
    }
  }
  return next
}
