import { describe, expect, it } from 'vitest'
import { copyPathFor } from '../../../src-renderer/editor/conflict-copy.js'

describe('the name of « Garder ma version dans une copie »', () => {
  it('sits beside the page, keeps the extension last and numbers later copies', () => {
    expect(copyPathFor('_cas/senegal.md', 'ma version', 1)).toBe('_cas/senegal (ma version).md')
    expect(copyPathFor('_cas/senegal.md', 'ma version', 2)).toBe('_cas/senegal (ma version 2).md')
    expect(copyPathFor('index.md', 'ma version', 1)).toBe('index (ma version).md')
    expect(copyPathFor('a.b/README', 'ma version', 1)).toBe('a.b/README (ma version)')
    expect(copyPathFor('.cache.md', 'ma version', 1)).toBe('.cache (ma version).md')
  })
})
