import type { Language } from '../../src-shared/api/types.js'
import { createTranslator } from '../../src-shared/i18n/translate.js'

/** The renderer's i18next, on the catalogues shared with main and the CLI (given to I18nextProvider). */
export const i18n = createTranslator('fr')

export async function setLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language
  await i18n.changeLanguage(language)
}
