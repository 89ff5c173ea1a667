import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { callNames, eventNames } from '../../../src-shared/api/names.js'
import { errorCodes, problemCodes } from '../../../src-shared/api/types.js'
import { catalogues, languages } from '../../../src-shared/i18n/catalogues.js'

const root = path.resolve(import.meta.dirname, '../../..')

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? flatten(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return sources(file)
    return /\.tsx?$/.test(name) ? [file] : []
  })
}

/** A key exists when it is in the catalogue as is, or as i18next plural forms. */
function has(keys: Set<string>, key: string): boolean {
  return keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`))
}

const keysByLanguage = Object.fromEntries(
  languages.map((language) => [language, new Set(flatten(catalogues[language]))]),
)
const namespaces = Object.keys(catalogues.fr)

/** Contract names (`settings.get`) and file names (`settings.json`) look like keys but are not. */
const notKeys = new Set<string>([...callNames, ...eventNames])
const isFileName = (text: string) => /\.(json|ya?ml|md|ts|html)(\.|$)/.test(text)

/** Every string literal in the code that looks like `namespace.key` for one of our namespaces. */
function keysUsedInCode(): { key: string; file: string }[] {
  const pattern = new RegExp(`['"\`]((?:${namespaces.join('|')})\\.[A-Za-z0-9_.-]+)['"\`]`, 'g')
  return ['src-renderer', 'src-main', 'src-shared'].flatMap((folder) =>
    sources(path.join(root, folder)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(pattern)]
        .map((match) => ({ key: match[1]!, file: path.relative(root, file) }))
        .filter(({ key }) => !notKeys.has(key) && !isFileName(key)),
    ),
  )
}

describe('i18n catalogues', () => {
  it('French and English have exactly the same keys', () => {
    expect([...keysByLanguage.en!].sort()).toEqual([...keysByLanguage.fr!].sort())
  })

  it('has no empty message', () => {
    for (const language of languages) {
      for (const key of keysByLanguage[language]!) {
        const value = key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            catalogues[language],
          )
        expect(String(value).trim(), `${language}:${key}`).not.toBe('')
      }
    }
  })

  it('finds the keys used in the code (sanity check of the scan)', () => {
    const used = keysUsedInCode().map((entry) => entry.key)
    expect(used).toContain('commands.showCommands')
    expect(used).toContain('views.comingSoon')
    expect(used.length).toBeGreaterThan(50)
  })

  it('has, in both languages, every key the code uses', () => {
    const missing = keysUsedInCode().flatMap(({ key, file }) =>
      languages
        .filter((language) => !has(keysByLanguage[language]!, key))
        .map((language) => `${language}:${key} (${file})`),
    )
    expect(missing).toEqual([])
  })

  it('has a message for every error and problem code the API can return', () => {
    for (const language of languages) {
      for (const code of errorCodes)
        expect(has(keysByLanguage[language]!, `errors.${code}`)).toBe(true)
      for (const code of problemCodes)
        expect(has(keysByLanguage[language]!, `problems.${code}`)).toBe(true)
      for (const other of languages)
        expect(has(keysByLanguage[language]!, `languages.${other}`)).toBe(true)
    }
  })
})
