/**
 * The cases of tests/fixtures/kramdown/cases.json and the HTML Ruby kramdown
 * (through Jekyll 4.3's own KramdownParser) gave for them, in expected.json —
 * regenerate with `ruby tests/fixtures/kramdown/capture.rb`. Tests need no Ruby.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { portedLexer } from '../../../../../src-main/preview/markdown/rouge/index.js'
import { ROUGE_LEXERS } from '../../../../../src-main/preview/markdown/rouge-lexers.js'
import type { KramdownOptions } from '../../../../../src-main/preview/markdown/render-markdown.js'
import {
  JEKYLL_DEFAULTS,
  renderMarkdown,
} from '../../../../../src-main/preview/markdown/render-markdown.js'

const fixtures = fileURLToPath(new URL('../../../../fixtures/kramdown/', import.meta.url))
type Groups = Record<string, Record<string, string>>
export const CASES = JSON.parse(readFileSync(`${fixtures}cases.json`, 'utf8')) as Groups
export const EXPECTED = JSON.parse(readFileSync(`${fixtures}expected.json`, 'utf8')) as Record<
  string,
  Groups
>

/** Rouge's token spans, which the renderer writes only for ported lexers (see code-block.ts). */
export const withoutRougeSpans = (html: string) =>
  html.replace(/<span class="[a-z0-9 -]+">|<\/span>/g, '')

/** Whether a case fences code in a language Rouge knows but whose lexer is not ported (Ruby…). */
const unportedLanguage = (input: string) =>
  [...input.matchAll(/^ *(?:`{3,}|~{3,}) *([\w+-]+)/gm)].some(
    ([, lang]) => ROUGE_LEXERS.has(lang!) && portedLexer(lang!) === null,
  )

/** One `it` per case of a group: renderMarkdown must give exactly kramdown's HTML. */
export function kramdownCases(
  group: string,
  variant = 'default',
  options: KramdownOptions = JEKYLL_DEFAULTS,
): void {
  for (const [name, input] of Object.entries(CASES[group]!)) {
    it(name, () => {
      const expected = EXPECTED[variant]![group]![name]!
      const actual = renderMarkdown(input, options)
      if (unportedLanguage(input)) {
        expect(actual).toBe(withoutRougeSpans(expected))
      } else {
        expect(actual).toBe(expected)
      }
    })
  }
}
