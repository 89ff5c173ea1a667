import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  JEKYLL_DEFAULTS,
  renderMarkdown,
} from '../../../../../src-main/preview/markdown/render-markdown.js'

import { adversarialPages } from '../../../../helpers/adversarial-pages.js'

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
        // HTML left open: raw, in Markdown blocks, in spans (found by `npm run bench`: the raw
        // ones overflowed the stack at four thousand).
        `${'<div>\n\n'.repeat(n)}fond`,
        `${'<div>\n'.repeat(n)}fond`,
        `${'<div markdown="1">\n\n'.repeat(n)}fond`,
        `${'<div markdown="span">'.repeat(n)}fond`,
        `a ${'<span>'.repeat(n)}fond`,
        `${'<table><tr><td>\n'.repeat(n / 10)}fond`,
      ]) {
        expect(renderMarkdown(page)).toContain('fond')
        expect(renderMarkdown(page, KRAMDOWN)).toContain('fond')
      }
      // Shallow nesting is kramdown's: a quote in a list in a quote.
      expect(renderMarkdown('> - > a')).toBe(
        '<blockquote>\n  <ul>\n    <li>\n      <blockquote>\n        <p>a</p>\n      </blockquote>\n    </li>\n  </ul>\n</blockquote>\n',
      )
    },
  )

  // Their time per repetition at growing n is in `npm run bench` (no clock in a unit test).
  // Small n: like Ruby kramdown, whose algorithm the port follows, `**a ` runs take time
  // growing faster than the page (Ruby kramdown: six minutes for 500 of them; the port: two
  // seconds); the bounded renderer cuts such a page off with a French message.
  it.each(Object.entries(adversarialPages))('%s: rendered with either parser', (_name, make) => {
    const page = make(200) + '\n\nfond'
    expect(renderMarkdown(page)).toContain('fond')
    expect(renderMarkdown(page, KRAMDOWN)).toContain('fond')
  })
})
