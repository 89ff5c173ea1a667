import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openPage } from '../../../../src-shared/markdown/page-document.js'

/**
 * The editor's reading of generated pages, pinned by a digest: work on the
 * parser's speed must not change what it reads. The pages join pieces of
 * Markdown (emphasis, links, code, HTML, Liquid, lists, quotes, fences,
 * tables, line endings, U+2005…) at random, with a fixed seed (set 0: long
 * runs and spans instead). A change that means to change the reading updates
 * the digests (`console.log` them).
 */
const pieces = [
  '*',
  '**',
  '_',
  '__',
  '`',
  '``',
  '[',
  ']',
  '(',
  ')',
  '![',
  '<',
  '>',
  '</div>',
  '<div>',
  '<span>',
  '{%',
  '%}',
  '{{',
  '}}',
  '{:',
  '}',
  '[^1]',
  '\\',
  '\\*',
  '$$',
  'a',
  'mot',
  'é',
  ' ',
  '  ',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '- ',
  '* ',
  '1. ',
  '> ',
  '# ',
  '    ',
  '\t',
  '|',
  '---',
  '```',
  '~~~',
  ': ',
  '\u2005',
  '<!--',
  '-->',
  '<http://x.y>',
  '[a][ref]',
  '[ref]: http://r',
  '{::comment}',
  '{:/}',
  '^',
  '=',
  '==',
  'x_y',
  ' _',
  '_ ',
  '[l](u)',
]

function pages(count: number, seed: number): string[] {
  let state = seed
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  return Array.from({ length: count }, () => {
    let page = ''
    const length = 1 + Math.floor(random() * 60)
    for (let index = 0; index < length; index++)
      page += pieces[Math.floor(random() * pieces.length)]
    return page
  })
}

/** JSON with keys in sorted order: the digest is of the content, not of the order keys were set in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    )
  return value
}

/** Runs and spans around the 2,000 characters the inline parser looks ahead. */
const longPages = [
  '`'.repeat(2500) + 'a' + '`'.repeat(2500),
  'x ' + '`'.repeat(2001) + 'a`',
  '*'.repeat(3000) + 'a' + '*'.repeat(3000),
  '_'.repeat(4100) + 'b',
  'a ' + '*'.repeat(2000) + '*x*',
  '$$' + 'a'.repeat(2100) + '$$',
  'x $$' + 'a'.repeat(1990) + '$$',
  '<span ' + 'a'.repeat(2100) + '>',
  'a <b ' + 'c'.repeat(1990) + '> d',
  '<http://' + 'x'.repeat(2500) + '>',
]

function digest(input: 'GFM' | 'kramdown', seed: number): string {
  const hash = createHash('sha256')
  for (const page of seed === 0 ? longPages : pages(1500, seed))
    hash.update(JSON.stringify(canonical(openPage(page, { input }).doc))).update('\0')
  return hash.digest('hex').slice(0, 16)
}

describe('the reading of generated pages', () => {
  it.each([
    ['GFM', 1, 'GFM-1'],
    ['GFM', 2, 'GFM-2'],
    ['kramdown', 1, 'kramdown-1'],
    ['GFM', 0, 'GFM-long'],
  ] as const)('%s input, page set %d, read as pinned', (input, seed, name) => {
    expect(digest(input, seed), name).toBe(PINNED[name])
  })
})

/** Taken before the speed work of issue 18 (commit f159872's reading). */
const PINNED: Record<string, string> = {
  'GFM-1': '6f401598f8b99035',
  'GFM-2': 'cb512f54d488c746',
  'kramdown-1': '9cbb1c16f98a8a60',
  'GFM-long': 'b70517c769801bb6',
}
