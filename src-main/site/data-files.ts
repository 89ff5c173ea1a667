import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import type { ConfigProblem } from '../../src-shared/api/types.js'
import {
  configProblem,
  jsonErrorLine,
  readYamlConfig,
} from '../../src-shared/config/config-problem.js'

/** The files of `_data/` Jekyll reads, by extension. */
export const DATA_EXTENSIONS = new Set(['.yml', '.yaml', '.json', '.csv', '.tsv'])

export type DataRead = { ok: true; value: unknown } | { ok: false; problem: ConfigProblem }

/**
 * One `_data/` file as Jekyll reads it (YAML 1.1, JSON, CSV or TSV with a header row), or its
 * French problem with the line: a broken data file is reported, never silently left out.
 */
export function parseDataFile(file: string, text: string): DataRead {
  const ext = path.extname(file).toLowerCase()
  if (ext === '.json') {
    try {
      return { ok: true, value: JSON.parse(text) }
    } catch (error) {
      return { ok: false, problem: configProblem('json', file, jsonErrorLine(text, error)) }
    }
  }
  if (ext === '.csv' || ext === '.tsv') {
    try {
      const value: unknown = parseCsv(text, {
        columns: true,
        skip_empty_lines: true,
        delimiter: ext === '.tsv' ? '\t' : ',',
      })
      return { ok: true, value }
    } catch (error) {
      const line = (error as { lines?: unknown }).lines
      return {
        ok: false,
        problem: configProblem('csv', file, typeof line === 'number' && line > 0 ? line : null),
      }
    }
  }
  const read = readYamlConfig(text, file, '1.1')
  return read.ok ? { ok: true, value: read.value } : read
}
