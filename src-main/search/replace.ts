import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import {
  REPLACE_LINE_LIMIT,
  type ReplaceLineChange,
  type ReplacePagePlan,
  type ReplacePlan,
  type SearchOptions,
} from '../../src-shared/api/search-types.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { decodePage } from '../../src-shared/markdown/page-bytes.js'
import { contentHash } from '../fs/conditional-write.js'
import { unlessNotFound } from '../fs/not-found.js'
import { parseFrontMatterYaml } from '../site/front-matter.js'
import { fileLines, searchLines } from './page-lines.js'
import { foldedMatches, foldedQuery, matchRanges } from './query.js'
import type { IndexedPage } from './search-index.js'

export interface Replaced {
  text: string
  changes: ReplaceLineChange[]
  matches: number
}

/**
 * `text` with every match of the folded `needle` replaced, in the settings' values (when
 * `settings`) and the body; the other bytes of the file, line breaks included, stay as they are.
 */
export function replaceInText(
  text: string,
  needle: string,
  wholeWord: boolean,
  replacement: string,
  settings = true,
): Replaced {
  const lines = fileLines(text)
  const changes: ReplaceLineChange[] = []
  let matches = 0
  for (const searchable of searchLines(text)) {
    if (searchable.settings && !settings) continue
    const ranges = matchRanges(searchable.text, needle, wholeWord)
    if (ranges.length === 0) continue
    matches += ranges.length
    const line = lines[searchable.line - 1]!
    let after = searchable.text
    for (const [start, end] of ranges.reverse()) {
      after = `${after.slice(0, start)}${replacement}${after.slice(end)}`
    }
    const whole = `${line.text.slice(0, searchable.start)}${after}${line.text.slice(searchable.start + searchable.text.length)}`
    changes.push({ line: searchable.line, before: line.text, after: whole })
    line.text = whole
  }
  return { text: lines.map((line) => line.text + line.end).join(''), changes, matches }
}

/** Whether a page's settings read as YAML (a page without any reads as such). */
function settingsRead(text: string): boolean {
  const split = splitFrontMatter(text)
  return split.kind !== 'yaml' || parseFrontMatterYaml(split.yaml, 2).kind === 'data'
}

/** A page's replacement: in its settings too, unless that would make them unreadable. */
function replacePage(text: string, needle: string, wholeWord: boolean, replacement: string) {
  const everywhere = replaceInText(text, needle, wholeWord, replacement)
  if (settingsRead(everywhere.text) || !settingsRead(text)) return everywhere
  return replaceInText(text, needle, wholeWord, replacement, false)
}

export interface PlannedPage {
  plan: ReplacePagePlan
  /** The page's text once replaced. */
  text: string
  matches: number
}

/**
 * Every change a replacement makes, planned on the files as they are now (read again, not
 * taken from the index, so the plan and its hashes are the disk's): the pages the index finds,
 * each with its changed lines before and after.
 */
export async function planPages(
  root: string,
  pages: readonly IndexedPage[],
  options: SearchOptions,
  replacement: string,
): Promise<PlannedPage[]> {
  const needle = foldedQuery(options.query)
  if (!needle) return []
  const candidates = pages.filter(
    (page) =>
      (options.collection === null || page.collection === options.collection) &&
      !foldedMatches(page.folded, needle, options.wholeWord).next().done,
  )
  const planned = await Promise.all(
    candidates.map(async (page): Promise<PlannedPage | null> => {
      const bytes = await unlessNotFound(readFile(path.join(root, page.path)))
      const decoded = bytes && decodePage(bytes)
      if (!bytes || !decoded?.ok) return null
      const replaced = replacePage(decoded.text, needle, options.wholeWord, replacement)
      if (replaced.changes.length === 0 || replaced.text === decoded.text) return null
      return {
        plan: {
          path: page.path,
          title: page.title,
          hash: contentHash(bytes),
          changes: replaced.changes,
        },
        text: replaced.text,
        matches: replaced.matches,
      }
    }),
  )
  const found = planned.filter((page) => page !== null)
  const lines = found.reduce((sum, page) => sum + page.plan.changes.length, 0)
  if (lines > REPLACE_LINE_LIMIT) throw new AtelierError('replace-too-large', String(lines))
  return found
}

/** The plan as the preview shows it. */
export function toPlan(planned: readonly PlannedPage[]): ReplacePlan {
  const matches = planned.reduce((sum, page) => sum + page.matches, 0)
  return { pages: planned.map((page) => page.plan), matches }
}

/**
 * The writes of a replacement the user saw (`expected`: each page and the version it was
 * planned on), planned again now: any page that changed since, or no longer matches, and
 * nothing is written.
 */
export function writesFor(
  planned: readonly PlannedPage[],
  expected: readonly { path: string; hash: string }[],
): { path: string; text: string; base: string }[] {
  if (new Set(expected.map((page) => page.path)).size !== expected.length)
    throw new AtelierError('invalid-input', 'pages')
  return expected.map(({ path: file, hash }) => {
    const page = planned.find((candidate) => candidate.plan.path === file)
    if (!page || page.plan.hash !== hash) throw new AtelierError('changed-since-preview', file)
    return { path: file, text: page.text, base: hash }
  })
}
