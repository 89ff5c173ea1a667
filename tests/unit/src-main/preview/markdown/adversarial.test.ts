import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  JEKYLL_DEFAULTS,
  renderMarkdown,
} from '../../../../../src-main/preview/markdown/render-markdown.js'
import { ADVERSARIAL_PAGES } from './adversarial-pages.js'

const KRAMDOWN = { ...JEKYLL_DEFAULTS, input: 'kramdown' as const }

/** Markdown's metacharacters, and a little text between them. */
const PIECES = [
  '[',
  ']',
  '(',
  ')',
  '![',
  '*',
  '**',
  '_',
  '`',
  '<',
  '>',
  '> ',
  '- ',
  '1. ',
  '#',
  ':',
  '\\',
  '"',
  "'",
  '|',
  '{:',
  '}',
  '~',
  '$$',
  '^',
  '&',
  '  ',
  '    ',
  '\n',
  '\n\n',
  'a',
  'b c',
  'http://x',
]
const adversarial = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 120 })
  .map((pieces) => pieces.join(''))

describe('the kramdown port on hostile text', () => {
  it('renders any string of metacharacters without throwing, with either parser', () => {
    fc.assert(
      fc.property(adversarial, fc.integer({ min: 1, max: 60 }), (text, times) => {
        // Repeated, so the pieces also build deep nestings and long runs.
        const page = text.repeat(times)
        expect(typeof renderMarkdown(page)).toBe('string')
        expect(typeof renderMarkdown(page, KRAMDOWN)).toBe('string')
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  it(
    'keeps nesting ten thousand levels deep as text, without a stack overflow',
    { timeout: 60_000 },
    () => {
      const n = 10_000
      for (const page of [
        `${'>'.repeat(n)} fond`,
        `${'> '.repeat(n)}fond`,
        `${'- '.repeat(n)}fond`,
        Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- fond`).join('\n'),
        `${'!['.repeat(n)}fond`,
        `${'*a _b '.repeat(n)}fond`,
        // Wide rather than deep: a paragraph of two hundred thousand spans.
        `${'_a_ *b* '.repeat(100_000)}fond`,
      ]) {
        expect(renderMarkdown(page)).toContain('fond')
      }
      // Shallow nesting is kramdown's: a quote in a list in a quote.
      expect(renderMarkdown('> - > a')).toBe(
        '<blockquote>\n  <ul>\n    <li>\n      <blockquote>\n        <p>a</p>\n      </blockquote>\n    </li>\n  </ul>\n</blockquote>\n',
      )
    },
  )

  it('takes time in proportion to the length of adversarial pages', () => {
    // Per render, over at least 20 ms of renders (one render of a small page is too short to time).
    const time = (page: string) => {
      renderMarkdown(page)
      let runs = 0
      const started = performance.now()
      while (performance.now() - started < 20) {
        renderMarkdown(page)
        runs++
      }
      return (performance.now() - started) / runs
    }
    const median = (make: () => number) => {
      const times = [make(), make(), make()].sort((a, b) => a - b)
      return times[1]!
    }
    const slow: string[] = []
    for (const [name, make] of Object.entries(ADVERSARIAL_PAGES)) {
      const small = median(() => time(make(1000)))
      const large = median(() => time(make(16_000)))
      // Linear is 16 times longer; quadratic would be 256 times.
      if (large / Math.max(small, 1) > 40)
        slow.push(`${name}: ${small.toFixed(1)} → ${large.toFixed(1)} ms`)
    }
    expect(slow).toEqual([])
  }, 300_000)
})
