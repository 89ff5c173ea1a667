import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Files below `dir` (recursively, sorted) whose name `keep` accepts. */
export function files(dir: string, keep: (name: string) => boolean): string[] {
  let out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out = out.concat(files(path, keep))
    else if (keep(name)) out.push(path)
  }
  return out
}

/** The body: BOM and front matter (between the first two `---` lines) removed. */
export function body(text: string): string {
  const t = text.replace(/^\uFEFF/, '')
  const m = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(t)
  return m ? t.slice(m[0].length) : t
}

/** HTML with whitespace runs folded: the only normalisation of the corpus comparisons. */
export const fold = (html: string) => html.replace(/\s+/g, ' ').trim()

/** HTML without Rouge's token spans, to tell a lexer gap from a Markdown difference. */
export const withoutRougeSpans = (html: string) =>
  html.replace(/<span class="[a-z0-9 -]+">|<\/span>/g, '')
