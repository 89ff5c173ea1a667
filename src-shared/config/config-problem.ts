import { LineCounter, YAMLParseError, type Document } from 'yaml'
import { parseYamlDocument } from '../front-matter/yaml-gate.js'
import type { ConfigProblem } from '../api/types.js'
import { translate } from '../i18n/translate.js'

/**
 * Reading the site's settings files (`_config.yml`, `_data/*.yml`, `_atelier.yml`) so that a
 * broken one is a French problem with its file and line, never silence or a parser's English.
 * They come from other people: YAML aliases are bounded (a "billion laughs" file expands
 * exponentially), and a file with too many is refused rather than expanded; so is nesting
 * deep enough to exhaust the parser's stack (`yaml-nesting.ts`), before parsing.
 */
export const MAX_ALIAS_COUNT = 100

export type ConfigRead =
  | { ok: true; value: unknown; document: Document; lines: LineCounter }
  | { ok: false; problem: ConfigProblem }

/** The French problem for `file`, its message from the catalogue (`configProblems`). */
export function configProblem(
  code: ConfigProblem['code'],
  file: string,
  line: number | null,
  key: string | null = null,
): ConfigProblem {
  const reason = translate('fr', `configProblems.${code}`, { file, key: key ?? '' })
  const at = line === null ? '' : ` ${translate('fr', 'problems.atLine', { line })}`
  return { code, file, line, key, message: `${reason}${at}` }
}

/**
 * Parses a YAML settings file (`version` 1.1 as Jekyll's Psych reads `_config.yml` and data,
 * 1.2 for Atelier's own files). Duplicate keys are allowed, the last one winning, as in Jekyll.
 */
export function readYamlConfig(
  text: string,
  file: string,
  version: '1.1' | '1.2' = '1.2',
): ConfigRead {
  const lines = new LineCounter()
  let document: Document
  try {
    document = parseYamlDocument(text, { version, uniqueKeys: false, lineCounter: lines })
  } catch {
    return { ok: false, problem: configProblem('yaml', file, null) }
  }
  const error = document.errors[0]
  if (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : null
    // An unclosed quote or bracket is found at the end of the file: name its last written line.
    const lastLine = text.replace(/\n+$/, '').split('\n').length
    return { ok: false, problem: configProblem('yaml', file, line && Math.min(line, lastLine)) }
  }
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), document, lines }
  } catch {
    // Too many aliases (the yaml package's ReferenceError), or an alias to nothing.
    return { ok: false, problem: configProblem('aliases', file, firstAliasLine(text)) }
  }
}

/** The first line using an alias (`*name`), where the expansion starts. */
function firstAliasLine(text: string): number | null {
  const index = text.split('\n').findIndex((line) => /(^|[\s[{,:-])\*[^\s,\]}]/.test(line))
  return index < 0 ? null : index + 1
}

/** The line of the setting at `path` in a parsed file, or of its nearest existing parent. */
export function lineOfPath(
  document: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): number | null {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] }
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line
  }
  return null
}

/** `JSON.parse`'s error position (`… at position 16`) as a 1-based line of `text`. */
export function jsonErrorLine(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : ''
  const explicit = /\(line (\d+) column \d+\)/.exec(message)
  if (explicit) return Number(explicit[1])
  const position = /at position (\d+)/.exec(message)
  if (!position) return null
  return text.slice(0, Number(position[1])).split('\n').length
}
