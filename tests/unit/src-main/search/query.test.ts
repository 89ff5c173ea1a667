import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { searchPages } from '../../../../src-main/search/query.js'
import { indexText, type IndexedPage } from '../../../../src-main/search/search-index.js'
import { fold } from '../../../../src-shared/text/fold.js'
import { visibleText } from '../../../../src-shared/text/visible-text.js'

function indexed(path: string, text: string, collection = 'pages', title = path): IndexedPage {
  return { path, title, collection, ...indexText(text) }
}

const all = { wholeWord: false, collection: null }

describe('searchPages', () => {
  const pages = [
    indexed('a.md', '---\ntitle: Égalité des genres\n---\n\nL’ÉGALITÉ avant tout, égalitaire.\n'),
    indexed(
      '_themes/b.md',
      '---\ntitle: Budget\n---\n\nPas d’egalite ici ? Si : egalite.\n',
      'themes',
    ),
    indexed('c.md', '---\ntitle: égalité\n---\n\nSœur et cœur.\n'),
  ]

  it('finds « Égalité » from « egalite », grouped by page, with the words as written', () => {
    const found = searchPages(pages, { ...all, query: 'egalite' }, 100)
    expect(
      found.pages.map((page) => [page.path, page.matches.map((m) => [m.line, m.text])]),
    ).toEqual([
      [
        'a.md',
        [
          [2, 'Égalité'],
          [5, 'ÉGALITÉ'],
        ],
      ],
      [
        '_themes/b.md',
        [
          [5, 'egalite'],
          [5, 'egalite'],
        ],
      ],
      ['c.md', [[2, 'égalité']]],
    ])
    expect(found.total).toBe(5)
    expect(found.pages[0]!.matches[1]).toMatchObject({
      before: 'L’',
      after: ' avant tout, égalitaire.',
    })
  })

  it('takes whole words only when asked', () => {
    const found = searchPages(pages, { query: 'égalité', wholeWord: true, collection: null }, 100)
    expect(found.pages.flatMap((page) => page.matches.map((m) => m.text))).toEqual([
      'Égalité',
      'ÉGALITÉ',
      'egalite',
      'egalite',
      'égalité',
    ])
  })

  it('filters by collection, matches œ spelled out, and never matches a setting key', () => {
    expect(
      searchPages(
        pages,
        { query: 'EGALITE', wholeWord: false, collection: 'themes' },
        100,
      ).pages.map((page) => page.path),
    ).toEqual(['_themes/b.md'])
    expect(searchPages(pages, { ...all, query: 'soeur' }, 100).pages[0]!.matches[0]!.text).toBe(
      'Sœur',
    )
    expect(searchPages(pages, { ...all, query: 'title' }, 100).total).toBe(0)
  })

  it('stops sending matches at the limit but counts them all', () => {
    const found = searchPages(pages, { ...all, query: 'egal' }, 2)
    expect(found.pages.flatMap((page) => page.matches)).toHaveLength(2)
    expect(found).toMatchObject({ total: 6, truncated: true })
  })

  it('finds nothing for an empty query', () => {
    expect(searchPages(pages, { ...all, query: '  ' }, 100)).toEqual({
      pages: [],
      total: 0,
      truncated: false,
    })
  })
})

/** Letters a French page has, in both cases, with the accents folding must see through. */
const letter = fc.constantFrom(...'aAeEéÉèêiIoOœŒuUçÇcC  ,.-_’'.split(''))
const line = fc.array(letter, { maxLength: 24 }).map((chars) => chars.join(''))
const pageText = fc.record({
  title: line,
  body: fc.array(line, { maxLength: 8 }),
  crlf: fc.boolean(),
})

const WORD = /[\p{L}\p{N}_]/u

/**
 * The naive scan: every searchable line folded, looked through at every index, as written and,
 * for a body line, as shown (its words past Markdown's marks: `visible-text.ts`, itself
 * compared with kramdown's rendering in its own test).
 */
function naive(
  pages: { path: string; lines: [number, string][] }[],
  query: string,
  wholeWord: boolean,
): string[] {
  const needle = fold(query.trim())
  if (!needle) return []
  const holds = (text: string) => {
    const folded = fold(text)
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const around = folded.charAt(at - 1) + folded.charAt(at + needle.length)
      if (!wholeWord || ![...around].some((char) => WORD.test(char))) return true
    }
    return false
  }
  return pages.flatMap((page) =>
    page.lines
      .filter(([number, text]) => holds(text) || (number > 2 && holds(visibleText(text).text)))
      .map(([number]) => `${page.path}:${number}`),
  )
}

describe('searchPages against a folded substring scan', () => {
  it('finds the same (page, line) pairs for random pages and queries', () => {
    fc.assert(
      fc.property(
        fc.array(pageText, { minLength: 1, maxLength: 4 }),
        fc.oneof(line, fc.constantFrom('e', 'oe', 'ç', 'Éé', 'c c')),
        fc.boolean(),
        (texts, query, wholeWord) => {
          const pages = texts.map((page, index) => {
            const eol = page.crlf ? '\r\n' : '\n'
            const title = page.title.trim() ? `title: ${page.title}` : 'title: x'
            const text = ['---', title, '---', ...page.body].join(eol)
            // The searchable lines as written: the title's value, then every body line.
            const lines: [number, string][] = [[2, title.slice('title: '.length)]]
            page.body.forEach((body, at) => lines.push([at + 4, body]))
            return { path: `p${index}.md`, text, lines }
          })
          const found = searchPages(
            pages.map((page) => indexed(page.path, page.text)),
            { query, wholeWord, collection: null },
            Number.POSITIVE_INFINITY,
          )
          const lines = [
            ...new Set(
              found.pages.flatMap((page) => page.matches.map((m) => `${page.path}:${m.line}`)),
            ),
          ]
          expect(lines.sort()).toEqual(
            naive(
              pages.map((page) => ({
                path: page.path,
                // A line of spaces only, or a value left to the YAML's end, is what search keeps.
                lines: page.lines
                  .map(([number, text]): [number, string] => [
                    number,
                    number === 2 ? text.trim() : text,
                  ])
                  .filter(([, text]) => text.trim() !== ''),
              })),
              query,
              wholeWord,
            ).sort(),
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('finds words across Markdown’s marks, and shows them as the editor does', () => {
    const found = searchPages(
      [
        indexed(
          'm.md',
          '---\ntitle: M\n---\n\nLe registre **public** et [le registre](/r/) public.\n',
        ),
      ],
      { ...all, query: 'registre public' },
      100,
    )
    expect(found.pages[0]!.matches.map((m) => [m.line, m.text, m.before])).toEqual([
      [5, 'registre public', 'Le '],
      [5, 'registre public', 'Le registre public et le '],
    ])
    expect(found.total).toBe(2)
  })
})
