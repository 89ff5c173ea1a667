/* eslint-disable no-restricted-syntax -- this module is the gate the rule sends everyone to */
import {
  parse,
  parseDocument,
  YAMLParseError,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
} from 'yaml'
import { MAX_YAML_NESTING, tooDeeplyNested } from './yaml-nesting.js'

type Options = ParseOptions & DocumentOptions & SchemaOptions

/**
 * Every reading of YAML that came from a page, a data file or a config goes
 * through here (a lint rule forbids `parse`/`parseDocument` from `yaml`
 * elsewhere): the yaml package recurses once per nesting level with no limit,
 * and a page of a thousand `[` kills the process, not just the parse. Past
 * `MAX_YAML_NESTING`, the text is not parsed: `parseYamlDocument` answers an
 * empty document carrying one error at the line, as for any broken YAML, and
 * `parseYaml` throws that error, as `parse` does for broken YAML.
 */
export function parseYamlDocument(text: string, options: Options = {}) {
  const error = nestingError(text)
  if (error === null) return parseDocument(text, options)
  const empty = parseDocument('', options)
  empty.errors.push(error)
  return empty
}

export function parseYaml(text: string, options: Options & ToJSOptions = {}): unknown {
  const error = nestingError(text)
  if (error !== null) throw error
  return parse(text, options)
}

function nestingError(text: string): YAMLParseError | null {
  const line = tooDeeplyNested(text)
  if (line === null) return null
  const offset = lineOffset(text, line)
  const error = new YAMLParseError(
    [offset, offset + 1],
    'BAD_INDENT',
    `nested deeper than ${MAX_YAML_NESTING} levels`,
  )
  error.linePos = [{ line, col: 1 }]
  return error
}

function lineOffset(text: string, line: number): number {
  let offset = 0
  for (let at = 1; at < line; at++) offset = text.indexOf('\n', offset) + 1
  return offset
}
