/** A line of source with its own line ending kept, so mixed CRLF/LF files survive. */
export interface Line {
  text: string
  eol: string
}

export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(source)) !== null) {
    if (match[0] === '' && match.index >= source.length) break
    lines.push({ text: match[1]!, eol: match[2]! })
    if (match[2] === '') break
  }
  return lines
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
