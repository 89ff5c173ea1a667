import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Every file below `dir`, relative, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort()
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** What a reader sees of a page's `<body>`: tags removed, entities decoded, whitespace folded. */
export function visibleText(file: string): string {
  let html = readFileSync(file, 'utf8')
  html = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
      return ENTITIES[name] ?? whole
    })
    .replace(/\s+/g, ' ')
    .trim()
}
