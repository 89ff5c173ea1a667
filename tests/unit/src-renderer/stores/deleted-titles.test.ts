import { describe, expect, it } from 'vitest'
import { deletedTitles, titleOfText } from '../../../../src-renderer/stores/deleted-titles.js'

describe('titles of deleted pages', () => {
  it('reads the title of a page’s text, and nothing from a damaged one', () => {
    expect(
      titleOfText('---\r\n# Réglages\r\ntitle: Thème 5 – L’innovation # Titre\r\n---\r\nx'),
    ).toBe('Thème 5 – L’innovation')
    expect(titleOfText('---\ntitle: [ouvert\n---\n')).toBeNull()
    expect(titleOfText('Pas de réglages')).toBeNull()
    expect(titleOfText('---\ntitle: 12\n---\n')).toBeNull()
  })

  it('takes the trash’s title first, else the last version’s, else none', async () => {
    const texts: Record<string, string | null> = {
      'a.md': '---\ntitle: Depuis la version\n---\n',
      'b.md': '---\ntitle: Ancien titre\n---\n',
      'c.md': null,
    }
    const titles = await deletedTitles(
      [
        { path: 'a.md', kind: 'deleted' },
        { path: 'b.md', kind: 'deleted' },
        { path: 'c.md', kind: 'deleted' },
        { path: 'd.md', kind: 'modified' },
      ],
      [
        { id: '1-aaaaaaaaaaaa', path: 'b.md', title: 'Depuis la corbeille', deletedAt: '' },
        { id: '2-bbbbbbbbbbbb', path: 'e.md', title: 'Jamais versionnée', deletedAt: '' },
      ],
      async (path) => texts[path] ?? null,
    )
    expect(titles).toEqual({
      'a.md': 'Depuis la version',
      'b.md': 'Depuis la corbeille',
      'e.md': 'Jamais versionnée',
    })
  })
})
