import type { StatusEntry } from './status-entry.js'

/**
 * `git status --porcelain` (version 1) lines for these entries, paths quoted
 * as git does under the default `core.quotePath=true`: a name with a control
 * character, a quote, a backslash or any non-ASCII byte is written as a C
 * string, non-ASCII bytes in octal (`"caf\303\251.md"`). Porcelain output
 * also puts a name containing a space between quotes (the space itself is
 * not escaped).
 */
export function formatPorcelain(entries: readonly StatusEntry[]): string {
  return entries
    .map((entry) => {
      const target = quotePath(entry.path)
      const name = entry.from === undefined ? target : `${quotePath(entry.from)} -> ${target}`
      return `${entry.x}${entry.y} ${name}\n`
    })
    .join('')
}

const NAMED_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
}

export function quotePath(name: string): string {
  const bytes = Buffer.from(name, 'utf8')
  let needsQuotes = bytes.includes(0x20)
  let out = ''
  for (const byte of bytes) {
    const named = NAMED_ESCAPES[byte]
    if (named !== undefined) {
      needsQuotes = true
      out += named
    } else if (byte < 0x20 || byte >= 0x7f) {
      needsQuotes = true
      out += `\\${byte.toString(8).padStart(3, '0')}`
    } else {
      out += String.fromCharCode(byte)
    }
  }
  return needsQuotes ? `"${out}"` : name
}
