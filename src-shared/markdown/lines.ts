/** A line of source with its own line ending kept, so mixed CRLF/LF files survive. */
export interface Line {
  text: string
  eol: string
}

/** The text each array of `splitLines` was split from, and where each of its lines starts (made when asked). */
const SOURCES = new WeakMap<Line[], { source: string; starts: number[] | null }>()

export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(source)) !== null) {
    if (match[0] === '' && match.index >= source.length) break
    lines.push({ text: match[1]!, eol: match[2]! })
    if (match[2] === '') break
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
  line !== undefined && line.text.trim() === ''

/** The file's dominant line ending, used for lines Atelier writes itself. */
export function dominantEol(source: string): '\n' | '\r\n' {
  const crlf = source.match(/\r\n/g)?.length ?? 0
  const lf = (source.match(/\n/g)?.length ?? 0) - crlf
  return crlf > lf ? '\r\n' : '\n'
}
