/** A line of source with its own line ending kept, so mixed CRLF/LF files survive. */
export interface Line {
  text: string
  eol: string
}

/** The text each array of `splitLines` was split from, and where each of its lines starts (made when asked). */
const SOURCES = new WeakMap<Line[], { source: string; starts: number[] | null }>()

const CR = 0x0d

/**
 * The lines of the text, each ending at `\r\n`, `\n` or `\r`; the last one
 * ends at the text's end (with no ending), unless the text ends with a line
 * ending. Found with `indexOf`: a regular expression's match per line cost
 * more than the rest of reading a paragraph.
 */
export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  // The next `\n` and `\r` at or after `start` (-1: none left), found by the engine's own search.
  let lf = source.indexOf('\n')
  let cr = source.indexOf('\r')
  let start = 0
  while (start < source.length) {
    if (lf !== -1 && lf < start) lf = source.indexOf('\n', start)
    if (cr !== -1 && cr < start) cr = source.indexOf('\r', start)
    const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr)
    if (end === -1) {
      lines.push({ text: source.slice(start), eol: '' })
      break
    }
    const eol = end === cr ? (lf === end + 1 ? '\r\n' : '\r') : '\n'
    lines.push({ text: source.slice(start, end), eol })
    start = end + eol.length
  }
  SOURCES.set(lines, { source, starts: null })
  return lines
}

/**
 * The text of lines [start, end), line endings included: `joinLines` of them,
 * taken as one slice of the text they were split from when the lines are that
 * text's (a page's blocks), which copies nothing; joined otherwise.
 */
export function linesText(lines: Line[], start: number, end: number): string {
  const known = SOURCES.get(lines)
  if (!known) return joinLines(lines.slice(start, end))
  if (!known.starts) {
    const starts = new Array<number>(lines.length + 1)
    let offset = 0
    for (let index = 0; index < lines.length; index++) {
      starts[index] = offset
      offset += lines[index]!.text.length + lines[index]!.eol.length
    }
    starts[lines.length] = offset
    known.starts = starts
  }
  return known.source.slice(known.starts[start], known.starts[end])
}

/** The text without its final line ending, if it has one (`/(\r\n|\n|\r)$/` without a scan). */
export function withoutFinalBreak(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2)
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1)
  return text
}

export function joinLines(lines: Line[]): string {
  return lines.map((line) => line.text + line.eol).join('')
}

export const isBlank = (line: Line | undefined): boolean =>
  line !== undefined && isBlankText(line.text)

/**
 * Whether `trim` leaves nothing of the text. A line opening with a printable
 * ASCII character is not blank: known without trimming (and copying) an
 * indented line, which the block parser asks about over and over.
 */
function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0)
  if (first > 0x20 && first < 0x7f) return false
  return text.trim() === ''
}

/** The file's dominant line ending, used for lines Atelier writes itself. */
export function dominantEol(source: string): '\n' | '\r\n' {
  // Counted without the arrays of matches `match(/…/g)` would make.
  let crlf = 0
  let lf = 0
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) {
    if (at > 0 && source.charCodeAt(at - 1) === CR) crlf++
    else lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}
