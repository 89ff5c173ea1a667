/**
 * Finds a Jekyll front-matter block at the start of a page, the way Jekyll does:
 * the file (after an optional UTF-8 BOM) starts with a `---` line, and the block
 * ends at the next line that is `---` or `...`. Offsets are into the given text
 * so callers can keep the original bytes around the block untouched.
 */
export type FrontMatterSplit =
  | { kind: 'none' }
  /** Starts like front matter but no closing line was found (yet, for a partial read). */
  | { kind: 'unclosed' }
  | {
      kind: 'yaml'
      /** The opening delimiter line with its line ending (and the BOM, if any). */
      open: string
      /** The YAML between the delimiter lines. */
      yaml: string
      /** The closing delimiter line with its line ending (none at the end of a file). */
      close: string
      /** Offset of the first character after the closing delimiter line. */
      bodyStart: number
      /** 1-based line number of the first YAML line, for error messages. */
      firstYamlLine: number
    }

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/gm

export function splitFrontMatter(text: string): FrontMatterSplit {
  const open = OPENING.exec(text)
  if (!open) return { kind: 'none' }
  const yamlStart = open[0].length
  CLOSING.lastIndex = yamlStart
  const close = CLOSING.exec(text)
  if (!close) return { kind: 'unclosed' }
  return {
    kind: 'yaml',
    open: open[0],
    yaml: text.slice(yamlStart, close.index),
    close: close[0],
    bodyStart: close.index + close[0].length,
    firstYamlLine: 2,
  }
}
