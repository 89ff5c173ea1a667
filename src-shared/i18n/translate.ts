import { createInstance, type i18n } from 'i18next'
import type { Language } from '../api/types.js'
import { catalogues, defaultLanguage } from './catalogues.js'

/** i18next instance shared by main, the CLI and (through react-i18next) the renderer. */
export function createTranslator(language: Language = defaultLanguage): i18n {
  const instance = createInstance()
  void instance.init({
    lng: language,
    fallbackLng: defaultLanguage,
    resources: {
      fr: { translation: catalogues.fr },
      en: { translation: catalogues.en },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return instance
}

const translators = new Map<Language, i18n>()

/** Translate one key outside React (main process, CLI). */
export function translate(
  language: Language,
  key: string,
  params: Record<string, unknown> = {},
): string {
  let translator = translators.get(language)
  if (!translator) {
    translator = createTranslator(language)
    translators.set(language, translator)
  }
  return translator.t(key, params)
}
