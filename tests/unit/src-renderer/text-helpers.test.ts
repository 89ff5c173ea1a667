import { describe, expect, it } from 'vitest'
import { formatKeybinding } from '../../../src-renderer/commands/keybinding.js'
import { matchesQuery } from '../../../src-renderer/ui/palette-filter.js'

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
