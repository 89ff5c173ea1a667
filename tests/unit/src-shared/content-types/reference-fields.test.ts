import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PageEntry } from '../../../../src-shared/api/types.js'
import { parseContentTypes } from '../../../../src-shared/content-types/content-types.js'
import {
  pageSlug,
  referenceChoices,
  referenceFields,
} from '../../../../src-shared/content-types/reference-fields.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'

const entry = (
  path: string,
  title: string,
  collection = 'themes',
  order: number | null = null,
): PageEntry => ({ path, collection, title, order, error: null })

const parse = (text: string) => {
  const result = parseContentTypes(text)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

describe('reference fields', () => {
  it('declares the starter’s `theme:` as a reference to the themes', () => {
    const types = parse(readFileSync(path.join(bundledStarterPlaybook, '_atelier.yml'), 'utf8'))
    expect(referenceFields(types)).toEqual([
      { collection: 'cas_pratiques', path: ['theme'], target: 'themes' },
    ])
  })

  it('finds a reference inside a group, and refuses one without its collection', () => {
    const types = parse(
      [
        'types:',
        '  cas:',
        '    label: Cas',
        '    collection: cas',
        '    fields:',
        '      - name: lien',
        '        label: Lien',
        '        type: object',
        '        fields:',
        '          - { name: theme, label: Thème, type: reference, collection: themes }',
        '',
      ].join('\n'),
    )
    expect(referenceFields(types)).toEqual([
      { collection: 'cas', path: ['lien', 'theme'], target: 'themes' },
    ])
    const broken = parseContentTypes(
      'types:\n  x:\n    label: X\n    collection: c\n    fields:\n      - { name: a, label: A, type: reference }\n',
    )
    expect(broken.ok).toBe(false)
    if (!broken.ok) expect(broken.problem.line).toBe(6)
  })

  it('names a page by its file name, a post without its date', () => {
    expect(pageSlug('_themes/acces-information.md', 'themes')).toBe('acces-information')
    expect(pageSlug('_posts/2024-05-01-annonce.markdown', 'posts')).toBe('annonce')
    expect(pageSlug('_notes/2024-05-01-annonce.md', 'notes')).toBe('2024-05-01-annonce')
  })

  it('offers the collection’s pages by title, in order, and keeps an unknown value as written', () => {
    const pages = [
      entry('_themes/b.md', 'Thème 2', 'themes', 2),
      entry('_themes/a.md', 'Thème 1', 'themes', 1),
      entry('_themes/sans-titre.md', ''),
      entry('_cas/x.md', 'Un cas', 'cas'),
    ]
    expect(referenceChoices('themes', pages)).toEqual([
      { value: 'a', label: 'Thème 1' },
      { value: 'b', label: 'Thème 2' },
      { value: 'sans-titre', label: 'sans-titre' },
    ])
    expect(referenceChoices('themes', pages, 'ancien-theme')[0]).toEqual({
      value: 'ancien-theme',
      label: 'ancien-theme',
    })
    expect(referenceChoices('themes', pages, 'a')).toHaveLength(3)
  })
})
