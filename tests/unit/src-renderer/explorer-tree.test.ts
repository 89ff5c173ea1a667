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
})
