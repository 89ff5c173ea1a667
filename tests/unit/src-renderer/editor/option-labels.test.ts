import { describe, expect, it } from 'vitest'
import { optionLabels } from '../../../../src-renderer/editor/option-labels.js'
import type { PageEntry } from '../../../../src-shared/api/types.js'

const entry = (path: string, title: string, collection = 'themes'): PageEntry => ({
  path,
  collection,
  title,
  order: null,
  error: null,
})

describe('optionLabels', () => {
  it('shows a page’s title for an option that names its file', () => {
    const pages = [
      entry('_themes/acces-information.md', 'Thème 1 – Le droit d’accès à l’information'),
      entry('_themes/transparence-budgetaire.markdown', 'Thème 2 – La transparence budgétaire'),
      entry('contribuer.md', 'Contribuer', 'pages'),
    ]
    expect(optionLabels(['acces-information', 'transparence-budgetaire'], pages)).toEqual([
      { value: 'acces-information', label: 'Thème 1 – Le droit d’accès à l’information' },
      { value: 'transparence-budgetaire', label: 'Thème 2 – La transparence budgétaire' },
    ])
  })

  it('keeps the option itself when no page has that name, or the page has no title', () => {
    const pages = [entry('_themes/sans-titre.md', '')]
    expect(optionLabels(['oui', 'sans-titre'], pages)).toEqual([
      { value: 'oui', label: 'oui' },
      { value: 'sans-titre', label: 'sans-titre' },
    ])
  })

  it('names a date-prefixed post by its slug, and ignores a folder of the same name', () => {
    const pages = [
      entry('acces-information/index.md', 'Un dossier', 'pages'),
      entry('_posts/2024-05-01-annonce.md', 'Annonce du guide', 'posts'),
    ]
    expect(optionLabels(['annonce', 'acces-information'], pages)).toEqual([
      { value: 'annonce', label: 'Annonce du guide' },
      { value: 'acces-information', label: 'acces-information' },
    ])
  })
})
