import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseContentTypes, type Field } from '../../../src-shared/content-types/content-types.js'
import {
  internalLink,
  typeForCollection,
  validateField,
} from '../../../src-shared/content-types/lookup.js'
import { bundledStarterPlaybook } from '../../../src-main/paths.js'

describe('content types', () => {
  it('reads the starter playbook’s _atelier.yml: theme page, case study and article', () => {
    const result = parseContentTypes(
      readFileSync(path.join(bundledStarterPlaybook, '_atelier.yml'), 'utf8'),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.types.map((type) => type.id)).toEqual(['theme', 'cas_pratique', 'article'])
    expect(
      typeForCollection(result.value, 'cas_pratiques')?.fields.map((field) => field.name),
    ).toContain('pays')
    expect(result.value.media).toBe('uploads')
    expect(internalLink(result.value, '_themes/acces-information.md')).toBe(
      '{% link _themes/acces-information.md %}',
    )
    expect(internalLink({ ...result.value, links: 'path' }, 'contribuer.md')).toBe(
      '/contribuer.html',
    )
  })

  it('explains what is wrong with a bad file', () => {
    const result = parseContentTypes(
      'types:\n  x:\n    label: X\n    collection: c\n    fields:\n      - { name: a, label: A, type: couleur }\n',
    )
    expect(result.ok).toBe(false)
    expect(parseContentTypes('types: [').ok).toBe(false)
  })

  it('validates required fields, numbers, dates and choices', () => {
    const required: Field = { name: 'title', label: 'Titre', type: 'text', required: true }
    const order: Field = {
      name: 'order',
      label: 'Position',
      type: 'number',
      required: false,
      min: 0,
    }
    const choice: Field = {
      name: 'theme',
      label: 'Thème',
      type: 'select',
      required: false,
      options: ['a', 'b'],
    }
    expect(validateField(required, '')).toBe('settings.form.required')
    expect(validateField(required, 'Bonjour')).toBeNull()
    expect(validateField(order, -1)).toBe('settings.form.tooSmall')
    expect(validateField(order, Number.NaN)).toBe('settings.form.notANumber')
    expect(validateField({ ...order, type: 'date' } as Field, 'hier')).toBe(
      'settings.form.notADate',
    )
    expect(validateField(choice, 'c')).toBe('settings.form.notAnOption')
    expect(validateField(choice, undefined)).toBeNull()
  })
})
