/**
 * Look-ups the inline parser makes over one text, each answered in amortized
 * constant time, so that parsing stays linear however many openers a hostile
 * text has (`[` × n, `*a ` × n, `<!--` × n…). A naive parser searches the rest
 * of the text from every opener: quadratic.
 */
export class TextScanner {
  private brackets: Int32Array | null = null
  private bracketHasClose: Uint8Array | null = null
  // Made on first use: most texts the parser reads (a heading, a list item's line) ask for none.
  private closers: Map<string, EmphasisClosers> | null = null
  private finds: Map<string, { from: number; at: number }> | null = null

  constructor(readonly text: string) {}

  /**
   * The first index ≥ `from` of `needle` (a string, or a one-character class
   * as a sticky-free global regex), or -1. Remembers the last answer: the
   * parser asks with growing `from`, so each part of the text is searched once.
   */
  indexOf(needle: string | RegExp, from: number): number {
    const key = typeof needle === 'string' ? needle : needle.source
    this.finds ??= new Map()
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
    this.closers ??= new Map()
    let table = this.closers.get(delimiter)
    if (!table) {
      table = emphasisClosers(this.text, delimiter)
      this.closers.set(delimiter, table)
    }
    // The answer at `from` is the one at the first delimiter character from there on.
    const { positions, answers } = table
    let low = 0
    let high = positions.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (positions[mid]! < from) low = mid + 1
      else high = mid
    }
    return low < positions.length ? answers[low]! : -1
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

/**
 * For each position of the delimiter's character (in order), the first closer
 * from there on, or -1. Only those positions are kept: at any other, the
 * answer is the one at the next such position, so a text with few `*` costs
 * little more than finding them.
 */
interface EmphasisClosers {
  positions: Int32Array
  answers: Int32Array
}

function emphasisClosers(text: string, delimiter: string): EmphasisClosers {
  const char = delimiter[0]!
  const size = delimiter.length
  let count = 0
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++
  const positions = new Int32Array(count)
  count = 0
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1))
    positions[count++] = at
  const answers = new Int32Array(count)
  /** The answer at `position`: the one at the first delimiter character from `index` on that is at or after it. */
  const answerFrom = (index: number, position: number) => {
    while (index < count && positions[index]! < position) index++
    return index < count ? answers[index]! : -1
  }
  for (let index = count - 1; index >= 0; index--) {
    const position = positions[index]!
    if (!text.startsWith(delimiter, position)) {
      answers[index] = answerFrom(index + 1, position + 1)
      continue
    }
    const nextChar = text[position + size] ?? ' '
    const rightFlanking = !SPACE.test(text[position - 1] ?? 'x')
    const sameRun = nextChar === char
    const intraword = char === '_' && WORD.test(nextChar)
    if (rightFlanking && !intraword && !(size === 1 && sameRun)) answers[index] = position
    else {
      const step = position + (sameRun ? 2 : 1)
      answers[index] = step >= text.length ? -1 : answerFrom(index + 1, step)
    }
  }
  return { positions, answers }
}
