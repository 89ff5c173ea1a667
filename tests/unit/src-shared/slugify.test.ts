import { describe, expect, it } from 'vitest'
import { slugify } from '../../../src-shared/site/slugify.js'

describe('slugify', () => {
  it('folds French accents and punctuation into hyphens', () => {
    expect(slugify('Côte d’Ivoire – budget')).toBe('cote-d-ivoire-budget')
    expect(slugify("Côte d'Ivoire – budget")).toBe('cote-d-ivoire-budget')
    expect(slugify('Thème 4 : Plaidoyer, alliés & œuvre')).toBe('theme-4-plaidoyer-allies-oeuvre')
  })

  it('never returns leading or trailing hyphens', () => {
    expect(slugify('  « Élan »  ')).toBe('elan')
    expect(slugify('!!!')).toBe('')
  })
})
