import { describe, expect, it } from 'vitest'
import { formatKeybinding } from '../../../src-renderer/commands/keybinding.js'
import { readingBlocks } from '../../../src-renderer/editor/reading-blocks.js'
import { matchesQuery } from '../../../src-renderer/shell/palette-filter.js'

describe('palette matching', () => {
  it('ignores accents and case, and needs every word', () => {
    expect(matchesQuery('cote budget', 'Côte d’Ivoire – Budget citoyen')).toBe(true)
    expect(matchesQuery('THEME', 'Thème 1')).toBe(true)
    expect(matchesQuery('cote senegal', 'Côte d’Ivoire')).toBe(false)
    expect(matchesQuery('', 'tout')).toBe(true)
  })
})

describe('keybinding labels', () => {
  it('reads like VS Code on Windows and Linux', () => {
    expect(formatKeybinding({ key: 'p', mod: true, shift: true })).toBe('Ctrl+Shift+P')
    expect(formatKeybinding({ key: 'PageDown', mod: true })).toBe('Ctrl+PgDn')
  })
})

describe('read-only text of a page', () => {
  it('shows headings, paragraphs without marks, lists and source blocks', () => {
    const blocks = readingBlocks(
      '## Contexte\n\nUn **texte** avec un [lien](https://x).\n{: .encadre}\n\n1. un\n2. deux\n\n{% include note.html %}\n',
    )
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Contexte' },
      { kind: 'paragraph', text: 'Un texte avec un lien.' },
      { kind: 'list', ordered: true, items: ['un', 'deux'] },
      { kind: 'source', text: '{% include note.html %}' },
    ])
  })
})
