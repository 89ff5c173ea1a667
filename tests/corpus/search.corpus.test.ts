import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { searchPages } from '../../src-main/search/query.js'
import { SearchIndex } from '../../src-main/search/search-index.js'
import { PageIndex } from '../../src-main/workspace/page-index.js'
import { fold } from '../../src-shared/text/fold.js'
import { visibleText } from '../../src-shared/text/visible-text.js'

/** Jekyll's documentation from ../shared/corpus: Markdown pages with front matter. */
const root = path.resolve(import.meta.dirname, '../../../shared/corpus/jekyll-docs')

/**
 * The naive scan, apart from search's own code: every line of the file folded, the body's
 * lines whole (and as shown, past Markdown's marks), the front matter's after their `key:` or
 * `- ` (keys are not text), comments and delimiters left out.
 */
function naiveLines(text: string, needle: string): number[] {
  const lines = text.split(/\r\n|\n|\r/)
  const closing = /^\uFEFF?---\s*$/.test(lines[0] ?? '')
    ? lines.findIndex((line, at) => at > 0 && /^(?:---|\.\.\.)\s*$/.test(line))
    : -1
  const found: number[] = []
  lines.forEach((line, at) => {
    let searched = line
    if (at <= closing) {
      if (at === 0 || at === closing || /^\s*#/.test(line)) return
      searched = line.replace(/^\s*(?:-\s+)*(?:[\w-]+:(?=\s|$))?/, '')
    }
    // A body line is also found by the words it shows (`visible-text.ts`, compared with kramdown).
    const shown = at > closing && fold(visibleText(line).text).includes(needle)
    if (fold(searched).includes(needle) || shown) found.push(at + 1)
  })
  return found
}

/** Words of the docs, and pieces of their lines picked at fixed places (no randomness: stable). */
function queries(texts: string[]): string[] {
  const picked = ['jekyll', 'Liquid', 'front matter', 'permalink', 'é', 'site.', '{%', 'GitHub']
  const lines = texts.flatMap((text) => text.split('\n')).filter((line) => line.length > 12)
  for (let at = 7; at < lines.length; at += Math.floor(lines.length / 40)) {
    const line = lines[at]!
    const start = (at * 31) % (line.length - 6)
    picked.push(line.slice(start, start + 3 + (at % 8)))
  }
  return picked
}

describe('search on Jekyll’s documentation', () => {
  it('finds the same (page, line) pairs as a folded substring scan of every page', async () => {
    const pageIndex = new PageIndex(root)
    const index = new SearchIndex({ root, pages: () => pageIndex.scan() })
    const pages = await index.pages()
    const markdown = pages.filter((page) => /\.(md|markdown)$/.test(page.path))
    expect(markdown.length).toBeGreaterThan(50)
    const texts = new Map(
      markdown.map((page) => [page.path, readFileSync(path.join(root, page.path), 'utf8')]),
    )
    const asked = queries([...texts.values()])
    expect(asked.length).toBeGreaterThan(40)
    let pairs = 0
    for (const query of asked) {
      const needle = fold(query.trim())
      if (!needle) continue
      const found = searchPages(
        markdown,
        { query, wholeWord: false, collection: null },
        Number.POSITIVE_INFINITY,
      )
      const got = [
        ...new Set(found.pages.flatMap((p) => p.matches.map((m) => `${p.path}:${m.line}`))),
      ]
      const expected = [...texts].flatMap(([file, text]) =>
        naiveLines(text, needle).map((line) => `${file}:${line}`),
      )
      expect(got.sort(), query).toEqual(expected.sort())
      pairs += got.length
      // The words shown are the words of the file, which fold to the query.
      for (const page of found.pages)
        for (const match of page.matches) expect(fold(match.text), query).toBe(needle)
    }
    // Not a comparison of two empty lists: the queries find thousands of lines.
    expect(pairs).toBeGreaterThan(2000)
  })
})
