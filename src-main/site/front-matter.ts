import { YAMLParseError } from 'yaml'
import { parseYaml } from '../../src-shared/front-matter/yaml-gate.js'
import type { FrontMatterProblem } from '../../src-shared/api/types.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { describeProblem } from '../i18n/describe-problem.js'
import { FRONT_MATTER_YAML } from './ruby-dates.js'

/** What a page's front matter says: nothing, its settings, or why they cannot be read (French). */
export type FrontMatterRead =
  | { kind: 'none' }
  | { kind: 'data'; data: Record<string, unknown> }
  | { kind: 'problem'; problem: FrontMatterProblem }

/**
 * Whose YAML rules read the settings. `jekyll`: YAML 1.1 as Ruby's Psych (`date: 2024-03-05`
 * is a date, `yes` is true), for what the site is (page index, preview, `cli build`).
 * `editor`: YAML 1.2 values as the editor's settings form reads and writes them, for the text
 * handed to it (a value must come back to the form as it was typed).
 */
export type FrontMatterRules = 'jekyll' | 'editor'

/** Parses front-matter YAML into a mapping, or a French problem with its line in the file. */
export function parseFrontMatterYaml(
  yaml: string,
  firstYamlLine: number,
  rules: FrontMatterRules = 'jekyll',
): FrontMatterRead {
  // Nesting deep enough to exhaust the parser's stack is refused by the gate, as broken YAML.
  try {
    // Duplicate keys are allowed, the last one winning, as in Jekyll.
    const options = rules === 'jekyll' ? FRONT_MATTER_YAML : {}
    const data: unknown = parseYaml(yaml, { ...options, uniqueKeys: false })
    if (data === null || data === undefined) return { kind: 'data', data: {} }
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { kind: 'problem', problem: describeProblem('not-a-mapping', firstYamlLine) }
    }
    return { kind: 'data', data: data as Record<string, unknown> }
  } catch (error) {
    const line =
      error instanceof YAMLParseError && error.linePos
        ? error.linePos[0].line + firstYamlLine - 1
        : null
    return { kind: 'problem', problem: describeProblem('yaml', line) }
  }
}

/** A whole page's text read: its settings and its body, with the body's first line in the file. */
export interface PageText {
  read: FrontMatterRead
  body: string
  /** 1-based line of the file where the body starts (after the front matter). */
  bodyLine: number
}

/** Splits and reads a whole page's text (a file, or the editor's text of it). */
export function readPageText(text: string, rules: FrontMatterRules = 'jekyll'): PageText {
  const split = splitFrontMatter(text)
  if (split.kind === 'none') return { read: { kind: 'none' }, body: text, bodyLine: 1 }
  if (split.kind === 'unclosed') {
    return {
      read: { kind: 'problem', problem: describeProblem('unclosed', 1) },
      body: text,
      bodyLine: 1,
    }
  }
  return {
    read: parseFrontMatterYaml(split.yaml, split.firstYamlLine, rules),
    body: text.slice(split.bodyStart),
    bodyLine: text.slice(0, split.bodyStart).split('\n').length,
  }
}
