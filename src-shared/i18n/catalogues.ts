import type { Language } from '../api/types.js'
import en from './en.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }

/** French is the default and the reference: every key must exist in both. */
export const defaultLanguage: Language = 'fr'
export const catalogues = { fr, en } as const
export const languages: Language[] = ['fr', 'en']
