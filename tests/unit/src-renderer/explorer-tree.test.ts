import { describe, expect, it } from 'vitest'
import type { PageIndexSnapshot } from '../../../src-shared/api/types.js'
import { buildRows, SITE_FILES } from '../../../src-renderer/views/explorer-tree.js'

const index: PageIndexSnapshot = {
  collections: [
    { name: 'themes', folder: '_themes', output: true },
    { name: 'cas_pratiques', folder: '_cas_pratiques', output: true },
    { name: 'posts', folder: '_posts', output: true },
  ],
  pages: [
    { path: 'index.md', collection: 'pages', title: 'Accueil', order: null, error: null },
    { path: '_posts/2024-01-01-a.md', collection: 'posts', title: 'A', order: null, error: null },
    { path: '_themes/t1.md', collection: 'themes', title: 'T1', order: 1, error: null },
  ],
  files: ['_config.yml'],
}

describe('explorer rows', () => {
  it('groups by collection in declared order, then articles, pages and site files; empty groups hidden', () => {
    const rows = buildRows(index, new Set(), (group) => group)
    expect(rows.filter((row) => row.kind === 'group').map((row) => row.label)).toEqual([
      'themes',
      'posts',
      'pages',
      SITE_FILES,
    ])
    expect(rows.map((row) => row.id)).toEqual([
      'group:themes',
      'page:_themes/t1.md',
      'group:posts',
      'page:_posts/2024-01-01-a.md',
      'group:pages',
      'page:index.md',
      `group:${SITE_FILES}`,
      'file:_config.yml',
    ])
  })

  it('hides the rows of a collapsed group', () => {
    const rows = buildRows(index, new Set(['themes', SITE_FILES]), (group) => group)
    expect(rows.find((row) => row.id === 'group:themes')).toMatchObject({
      expanded: false,
      count: 1,
    })
    expect(rows.some((row) => row.id === 'page:_themes/t1.md')).toBe(false)
    expect(rows.some((row) => row.kind === 'file')).toBe(false)
  })

  it('tells each row its level, set size and place in its set (only the rows in view are drawn)', () => {
    const rows = buildRows(index, new Set(['posts']), (group) => group)
    expect(rows.map((row) => [row.id, row.level, row.posInSet, row.setSize])).toEqual([
      ['group:themes', 1, 1, 4],
      ['page:_themes/t1.md', 2, 1, 1],
      ['group:posts', 1, 2, 4],
      ['group:pages', 1, 3, 4],
      ['page:index.md', 2, 1, 1],
      [`group:${SITE_FILES}`, 1, 4, 4],
      ['file:_config.yml', 2, 1, 1],
    ])
  })

  it('flattens 4,400 pages in their order, in linear time', () => {
    const pages = Array.from({ length: 4400 }, (_, i) => ({
      path: `_cas_pratiques/cas-${i}.md`,
      collection: i % 2 ? 'cas_pratiques' : 'themes',
      title: `Cas ${i}`,
      order: i,
      error: null,
    }))
    const rows = buildRows({ ...index, pages, files: [] }, new Set(), (group) => group)
    expect(rows).toHaveLength(4402)
    expect(rows[1]).toMatchObject({
      id: 'page:_cas_pratiques/cas-0.md',
      posInSet: 1,
      setSize: 2200,
    })
    expect(rows[2201]).toMatchObject({ id: 'group:cas_pratiques', posInSet: 2, setSize: 2 })
    expect(rows[4401]).toMatchObject({ id: 'page:_cas_pratiques/cas-4399.md', posInSet: 2200 })
  })
})
