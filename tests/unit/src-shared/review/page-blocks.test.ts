import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockExcerpt, blockHash, pageBlocks } from '../../../../src-shared/review/page-blocks.js'

const PAGE = `---
title: Cas Sénégal
---

# Le contexte

Un paragraphe
sur deux lignes.

\`\`\`yaml
a: 1

b: 2
\`\`\`

- un
- deux
`

describe('page blocks', () => {
  it('splits the body on blank lines, not inside fenced code, front matter left out', () => {
    const blocks = pageBlocks(PAGE)
    expect(blocks.map((b) => b.text)).toEqual([
      '# Le contexte',
      'Un paragraphe\nsur deux lignes.',
      '```yaml\na: 1\n\nb: 2\n```',
      '- un\n- deux',
    ])
    for (const block of blocks) expect(PAGE.slice(block.start).startsWith(block.text)).toBe(true)
    expect(blocks.map((b) => b.index)).toEqual([0, 1, 2, 3])
  })

  it('hashes with sha1 of the text, trailing spaces and line endings normalised', () => {
    const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')
    expect(blockHash('Un paragraphe\nsur deux lignes.')).toBe(
      sha1('Un paragraphe\nsur deux lignes.'),
    )
    expect(blockHash('Un paragraphe  \r\nsur deux lignes.\t')).toBe(
      blockHash('Un paragraphe\nsur deux lignes.'),
    )
    expect(blockHash('é')).toBe(sha1('é'))
  })

  it('an edit inside one block changes no other block (property)', () => {
    const word = fc.stringMatching(/^[a-zé#*]{1,6}( [a-zé]{1,6}){0,3}$/)
    const block = fc.array(word, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'))
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 8 }),
        word,
        fc.nat(),
        (list, extra, at) => {
          const page = list.join('\n\n') + '\n'
          const i = at % list.length
          const edited = list.map((text, j) => (j === i ? `${text}\n${extra}` : text))
          const before = pageBlocks(page)
          const after = pageBlocks(edited.join('\n\n') + '\n')
          expect(before.map((b) => b.text)).toEqual(list)
          expect(after.map((b) => b.hash).filter((_, j) => j !== i)).toEqual(
            before.map((b) => b.hash).filter((_, j) => j !== i),
          )
          expect(after[i]!.hash).not.toBe(before[i]!.hash)
        },
      ),
    )
  })

  it('an unclosed fence runs to the end of the page, in linear time', () => {
    const page = '```\n' + 'ligne\n\n'.repeat(50_000)
    const blocks = pageBlocks(page)
    expect(blocks).toHaveLength(1)
    expect(pageBlocks('')).toEqual([])
    expect(pageBlocks('---\ntitle: x\n---\n')).toEqual([])
  })

  // Found by review: trailing-space and trailing-newline regexes backtracked
  // quadratically (20,000 blank lines in a fence took 1.5 s). At this size a
  // quadratic pass takes minutes, past the test's time limit.
  it('hostile blocks (long runs of blank lines in a fence, of spaces) hash in linear time', () => {
    const fence = pageBlocks('```\n' + '\n'.repeat(200_000) + 'x\n')
    expect(fence).toHaveLength(1)
    const spaces = pageBlocks(' '.repeat(200_000) + 'x\n' + '\t '.repeat(100_000) + 'y\n')
    expect(spaces[0]!.hash).toBe(blockHash(spaces[0]!.text))
    expect(blockHash('a \n\n\n')).toBe(blockHash('a'))
  })

  it('excerpts are short and on one line', () => {
    expect(blockExcerpt('a\n  b')).toBe('a b')
    expect(blockExcerpt('x'.repeat(500))).toHaveLength(120)
  })
})
