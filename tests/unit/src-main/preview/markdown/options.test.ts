import { describe, expect, it } from 'vitest'
import {
  JEKYLL_DEFAULTS,
  kramdownOptions,
} from '../../../../../src-main/preview/markdown/render-markdown.js'
import { gfmHeaderId } from '../../../../../src-main/preview/markdown/ids.js'
import { kramdownCases } from './kramdown-cases.js'

describe('kramdownOptions', () => {
  it('gives Jekyll 4.3 defaults without a kramdown: section', () => {
    expect(kramdownOptions(undefined)).toEqual({
      input: 'GFM',
      autoIds: true,
      hardWrap: false,
      smartQuotes: ['lsquo', 'rsquo', 'ldquo', 'rdquo'],
    })
    expect(JEKYLL_DEFAULTS.hardWrap).toBe(false)
  })

  it('reads input, auto_ids, hard_wrap and smart_quotes (string or list)', () => {
    expect(
      kramdownOptions({
        input: 'kramdown',
        auto_ids: false,
        hard_wrap: true,
        smart_quotes: 'apos,apos,laquo,raquo',
      }),
    ).toEqual({
      input: 'kramdown',
      autoIds: false,
      hardWrap: true,
      smartQuotes: ['apos', 'apos', 'laquo', 'raquo'],
    })
    expect(kramdownOptions({ smart_quotes: ['a', 'b', 'c', 'd'] }).smartQuotes).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })
})

describe('GFM header ids', () => {
  it('keeps accents, drops punctuation, numbers duplicates', () => {
    const counter = new Map<string, number>()
    expect(gfmHeaderId('Titre é', counter)).toBe('titre-é')
    expect(gfmHeaderId('Titre é', counter)).toBe('titre-é-1')
    expect(gfmHeaderId('L’été « chaud » !', counter)).toBe('lété--chaud--')
  })
})

describe('hard_wrap: true', () => {
  kramdownCases('blocks', 'hard_wrap', kramdownOptions({ hard_wrap: true }))
  kramdownCases('spans', 'hard_wrap', kramdownOptions({ hard_wrap: true }))
})

describe('auto_ids: false', () => {
  kramdownCases('blocks', 'auto_ids_off', kramdownOptions({ auto_ids: false }))
})

describe('smart_quotes: apos,apos,laquo,raquo', () => {
  kramdownCases(
    'typography',
    'smart_quotes_fr',
    kramdownOptions({ smart_quotes: 'apos,apos,laquo,raquo' }),
  )
})
