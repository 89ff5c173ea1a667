import { describe, expect, it } from 'vitest'
import type { PageEntry, SiteProblem } from '../../../../src-shared/api/types.js'
import { countProblems, groupProblems } from '../../../../src-renderer/stores/problem-groups.js'

function problem(
  path: string,
  line: number,
  severity: SiteProblem['severity'],
  kind: SiteProblem['kind'] = 'page-link',
): SiteProblem {
  return { path, line, kind, code: kind, severity, params: {}, text: '', message: '' }
}

function entry(path: string, title: string, error = false): PageEntry {
  return {
    path,
    collection: 'pages',
    title,
    order: null,
    error: error ? { code: 'yaml', line: 2, message: '' } : null,
  }
}

describe('groupProblems', () => {
  const pages = [entry('a.md', 'Accès'), entry('b.md', 'Budget'), entry('c.md', 'Cassée', true)]

  it('groups by page, pages with an error first, each page’s errors first then by line', () => {
    const groups = groupProblems(
      [
        problem('a.md', 3, 'warning'),
        problem('b.md', 9, 'warning'),
        problem('b.md', 12, 'error'),
        problem('b.md', 2, 'warning'),
      ],
      null,
      pages,
    )
    expect(
      groups.map((group) => [group.title, group.errors, group.problems.map((p) => p.line)]),
    ).toEqual([
      ['Budget', 1, [12, 2, 9]],
      ['Accès', 0, [3]],
    ])
    expect(countProblems(groups)).toBe(4)
  })

  it('shows the open page’s problems as typed instead of its file’s', () => {
    const groups = groupProblems(
      [problem('a.md', 3, 'warning'), problem('b.md', 1, 'warning')],
      {
        path: 'a.md',
        problems: [problem('a.md', 7, 'error', 'link-tag')],
      },
      pages,
    )
    expect(groups.map((group) => [group.path, group.problems.map((p) => p.line)])).toEqual([
      ['a.md', [7]],
      ['b.md', [1]],
    ])
    // Fixed while typing: the page leaves the list before it is saved.
    expect(
      groupProblems([problem('a.md', 3, 'warning')], { path: 'a.md', problems: [] }, pages),
    ).toEqual([])
  })

  it('leaves out what the view lists otherwise: unreadable settings, Liquid build problems', () => {
    const groups = groupProblems(
      [
        problem('c.md', 2, 'warning', 'front-matter'),
        problem('b.md', 4, 'error', 'liquid'),
        problem('d.md', 1, 'warning'),
      ],
      null,
      pages,
      [{ code: 'liquid', file: 'b.md', line: 4, key: null, message: '' }],
    )
    expect(groups.map((group) => [group.title, group.problems.length])).toEqual([['d.md', 1]])
  })
})
