import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'

/**
 * The searchable text of a page, line by line as the file has them: the values of its
 * settings (its title among them; keys, comments and delimiters left out, so « title » does
 * not find every page) and every line of its body as written.
 */
export interface SearchLine {
  /** 1-based line of the file, front matter included. */
  line: number
  /** Where the searchable part starts in the file's line. */
  start: number
  /** The searchable part of the line. */
  text: string
  /** A line of the settings (front matter) rather than of the body. */
  settings: boolean
}

/** A file's lines with where each starts and its line break, so a line can be spliced. */
export interface FileLine {
  start: number
  text: string
  /** The line break after it (`\n`, `\r\n`, `\r`, or none at the end). */
  end: string
}

const BREAK = /\r\n|\n|\r/g

export function fileLines(text: string): FileLine[] {
  const lines: FileLine[] = []
  let start = 0
  BREAK.lastIndex = 0
  for (let found = BREAK.exec(text); found; found = BREAK.exec(text)) {
    lines.push({ start, text: text.slice(start, found.index), end: found[0] })
    start = found.index + found[0].length
  }
  lines.push({ start, text: text.slice(start), end: '' })
  return lines
}

/** `key:` or `- key:` at the start of a YAML line (plain or quoted key), and the spaces after it. */
const KEY =
  /^\s*(?:-\s+)*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-[{][^:#]*?|-[^\s:#][^:#]*?):(?:\s+|$)/
/** `- ` items of a list. */
const ITEM = /^\s*(?:-(?:\s+|$))+/
/** A value that only opens something (block scalar, anchor, tag): no text of its own. */
const OPENER = /^(?:[|>][0-9+-]*|&\S+|!\S*)\s*(?:#.*)?$/
const COMMENT = /\s+#.*$/

/** The text of a value written on a settings line, and where it starts; null when none. */
function valueOf(line: string): { start: number; text: string } | null {
  if (/^\s*(?:#|$)/.test(line)) return null
  const prefix = KEY.exec(line) ?? ITEM.exec(line)
  let start = prefix ? prefix[0].length : line.length - line.trimStart().length
  let text = line.slice(start)
  if (OPENER.test(text)) return null
  // A comment after a plain value is not its text; inside quotes a `#` is.
  if (!/^["']/.test(text)) text = text.replace(COMMENT, '')
  text = text.trimEnd()
  if (!text) return null
  const lead = text.length - text.trimStart().length
  start += lead
  return { start, text: text.slice(lead) }
}

export function searchLines(pageText: string): SearchLine[] {
  const lines = fileLines(pageText)
  const split = splitFrontMatter(pageText)
  // The lines of the front matter, delimiters included; none when it is not closed.
  let settingsEnd = 0
  if (split.kind === 'yaml') {
    while (settingsEnd < lines.length && lines[settingsEnd]!.start < split.bodyStart) settingsEnd++
  }
  const found: SearchLine[] = []
  lines.forEach((fileLine, index) => {
    if (index < settingsEnd) {
      // The delimiter lines hold no setting.
      if (index === 0 || index === settingsEnd - 1) return
      const value = valueOf(fileLine.text)
      if (value) found.push({ line: index + 1, ...value, settings: true })
    } else if (fileLine.text.trim()) {
      found.push({ line: index + 1, start: 0, text: fileLine.text, settings: false })
    }
  })
  return found
}
