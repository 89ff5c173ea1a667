import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../../src-main/preview/markdown/render-markdown.js'
import { visibleText } from '../../../../src-shared/text/visible-text.js'

/** The text a reader sees of rendered HTML: tags dropped, entities read, spaces collapsed. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

const word = fc.constantFrom(
  'registre',
  'public',
  'Égalité',
  'accès',
  'données',
  'mot_composé',
  '2024',
  'œuvre',
)
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((list) => list.join(' '))
/** Inline Markdown a contributor writes: emphasis, code, links, images, HTML, escapes. */
const piece = fc.oneof(
  word,
  words.map((w) => `*${w}*`),
  words.map((w) => `**${w}**`),
  word.filter((w) => !w.includes('_')).map((w) => `_${w}_`),
  words.map((w) => `\`${w}\``),
  fc.constant('`a*b_c`'),
  words.map((w) => `[${w}](/themes/acces/#x)`),
  words.map((w) => `[${w}][ref]`),
  words.map((w) => `![${w}](/assets/carte.png)`),
  words.map((w) => `<em>${w}</em>`),
  words.map((w) => `<a href="/x/">${w}</a>`),
  fc.constant('\\*'),
  fc.constant('2 * 3 _ 4'),
  fc.constant('<https://example.org/a>'),
  words.map((w) => `[**${w}**](/x/)`),
)
const line = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(' '))

describe('visibleText', () => {
  it('gives the words kramdown shows for a line of Markdown (differential)', () => {
    fc.assert(
      fc.property(line, (markdown) => {
        const rendered = shownText(renderMarkdown(`${markdown}\n\n[ref]: /reference/\n`))
        expect(collapse(visibleText(markdown).text)).toBe(rendered)
      }),
      { numRuns: 400 },
    )
  })

  it('maps every visible character back to the same character where it was written', () => {
    fc.assert(
      fc.property(line, (markdown) => {
        const { text, origin } = visibleText(markdown)
        expect(origin).toHaveLength(text.length + 1)
        for (let at = 0; at < text.length; at++) expect(markdown[origin[at]!]).toBe(text[at])
        for (let at = 1; at < origin.length; at++)
          expect(origin[at]!).toBeGreaterThan(origin[at - 1]!)
      }),
    )
  })

  it('leaves a line without markup as it is', () => {
    expect(visibleText('Le registre public, mot_composé et 2 * 3.').text).toBe(
      'Le registre public, mot_composé et 2 * 3.',
    )
  })
})
