import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markWordChanges, sideOf } from '../../../../src-shared/review/word-diff.js'

const VOID = new Set(['img', 'br', 'hr'])

/**
 * Well-formedness judged independently of the module's own reader: every
 * tag closes in order, and no `<`, `>` or `&` stands outside a tag or entity.
 */
function wellFormedProblem(html: string): string | null {
  const stack: string[] = []
  const pieces = html.split(/(<[^<>]*>)/)
  for (const piece of pieces) {
    if (piece.startsWith('<')) {
      const close = /^<\/([a-z0-9]+)>$/.exec(piece)
      const open = /^<([a-z0-9]+)(\s+[a-z-]+="[^"<>]*")*\s*\/?>$/.exec(piece)
      if (close) {
        if (stack.pop() !== close[1]) return `unbalanced ${piece}`
      } else if (open) {
        if (!VOID.has(open[1]!)) stack.push(open[1]!)
      } else {
        return `bad tag ${piece}`
      }
    } else if (/[<>]|&(?!(#[0-9]+|[a-z]+);)/.test(piece)) {
      return `bad text ${piece}`
    }
  }
  return stack.length > 0 ? `unclosed ${stack.join(',')}` : null
}

const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1

const word = fc.constantFrom(
  'le',
  'guide',
  'ouvert',
  'caf&eacute;',
  'l&#8217;État',
  '&amp;',
  'données',
  'x',
)
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '))
const inline = fc.oneof(
  { weight: 4, arbitrary: words },
  words.map((text) => `<em>${text}</em>`),
  fc
    .tuple(fc.constantFrom('/a', '/b'), words)
    .map(([href, text]) => `<a href="${href}">${text}</a>`),
  fc.constantFrom('<img src="/x.png" alt="x">', '<img src="/y.png" alt="y">', '<br>'),
)
const inlines = fc.array(inline, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '))
const block = fc.oneof(
  { weight: 4, arbitrary: inlines.map((text) => `<p>${text}</p>`) },
  fc
    .tuple(fc.constantFrom('titre', 'autre'), inlines)
    .map(([id, text]) => `<h2 id="${id}">${text}</h2>`),
  fc
    .array(inlines, { minLength: 1, maxLength: 3 })
    .map((items) => `<ul>\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`),
  fc
    .array(inlines, { minLength: 1, maxLength: 3 })
    .map(
      (cells) =>
        `<table>\n<tbody>\n${cells.map((cell) => `<tr>\n<td>${cell}</td>\n</tr>`).join('\n')}\n</tbody>\n</table>`,
    ),
  fc.constant('<hr>'),
)
const documentOf = (blocks: string[]) => blocks.join('\n\n') + '\n'
const page = fc.array(block, { maxLength: 8 }).map(documentOf)
/** A page and an edited copy: blocks kept, dropped, replaced or inserted. */
const edit = fc
  .tuple(
    fc.array(block, { minLength: 1, maxLength: 10 }),
    fc.array(fc.oneof(fc.constant(null), fc.constant('drop'), block), { maxLength: 10 }),
  )
  .map(([blocks, edits]) => {
    const after: string[] = []
    blocks.forEach((kept, index) => {
      const change = edits[index]
      if (change === undefined || change === null) after.push(kept)
      else if (change !== 'drop') after.push(change, kept)
    })
    return [documentOf(blocks), documentOf(after)] as const
  })
const pair = fc.oneof(edit, fc.tuple(page, page))

describe('markWordChanges', () => {
  it('keeps both versions: without insertions it is the before page, without deletions the after page', () => {
    fc.assert(
      fc.property(pair, fc.boolean(), ([before, after], fold) => {
        const marked = markWordChanges(before, after, { fold })
        expect(sideOf(marked, 'before')).toBe(before)
        expect(sideOf(marked, 'after')).toBe(after)
      }),
      { numRuns: 400 },
    )
  })

  it('writes well-formed HTML: tags balanced, entities whole', () => {
    fc.assert(
      fc.property(pair, fc.boolean(), ([before, after], fold) => {
        expect(wellFormedProblem(markWordChanges(before, after, { fold }))).toBeNull()
      }),
      { numRuns: 400 },
    )
  })

  it('marks nothing when nothing changed', () => {
    fc.assert(
      fc.property(page, (html) => {
        const marked = markWordChanges(html, html)
        expect(marked).toBe(html)
      }),
    )
  })

  it('marks one changed word as one deletion and one insertion', () => {
    const before =
      '<h2 id="a">Le contexte</h2>\n\n<p>Le guide du <em>gouvernement</em> ouvert.</p>\n'
    const after =
      '<h2 id="a">Le contexte</h2>\n\n<p>Le guide du <em>gouvernement</em> partagé.</p>\n'
    const marked = markWordChanges(before, after)
    expect(marked).toContain('<del>ouvert</del><ins>partagé</ins>')
    expect([count(marked, 'del'), count(marked, 'ins')]).toEqual([1, 1])
  })

  it('never cuts an entity', () => {
    const marked = markWordChanges('<p>caf&eacute; noir</p>', '<p>caf&eacute;s noir</p>')
    expect(marked).not.toMatch(/&[a-z]*<|<\/?(ins|del)>[a-z]*;/)
    expect(wellFormedProblem(marked)).toBeNull()
  })

  it('shows a link whose address changed as the whole link deleted then inserted', () => {
    const marked = markWordChanges(
      '<p>Voir <a href="/ancien">la page</a>.</p>',
      '<p>Voir <a href="/nouveau">la page</a>.</p>',
    )
    expect(marked).toBe(
      '<p>Voir <del><a href="/ancien">la page</a></del><ins><a href="/nouveau">la page</a></ins>.</p>',
    )
  })

  it('compares words inside a heading whose id followed its text', () => {
    const marked = markWordChanges(
      '<h2 id="le-contexte">Le contexte</h2>',
      '<h2 id="le-cadre">Le cadre</h2>',
    )
    expect(marked).toContain('<del>contexte</del><ins>cadre</ins>')
    expect(sideOf(marked, 'before')).toBe('<h2 id="le-contexte">Le contexte</h2>')
  })

  it('folds runs of unchanged paragraphs, keeping one of context beside a change', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraphe ${i}</p>`)
    const before = paragraphs.join('\n')
    const after = [...paragraphs.slice(0, 5), '<p>Paragraphe six</p>'].join('\n')
    const marked = markWordChanges(before, after, { fold: true })
    expect(marked).toMatch(
      /^<details class="atelier-unchanged" data-atelier-unchanged="4"><summary>4 paragraphes inchangés<\/summary><p>Paragraphe 0<\/p>/,
    )
    expect(marked).toContain(
      '</details>\n<p>Paragraphe 4</p>\n<p>Paragraphe <del>5</del><ins>six</ins></p>',
    )
  })

  it('gives up word by word on very different pages: all deleted, all inserted', () => {
    const many = (prefix: string) =>
      Array.from({ length: 2500 }, (_, i) => `<p>${prefix}${i}</p>`).join('')
    const before = many('a')
    const after = many('b')
    expect(markWordChanges(before, after)).toBe(`<del>${before}</del><ins>${after}</ins>`)
  })

  it('reads hostile markup without running away: endless nesting, unclosed tags and quotes', () => {
    const nested = (word: string) => `${'<em>'.repeat(50_000)}${word}${'</em>'.repeat(50_000)}`
    const hostile = [
      [nested('avant'), nested('après')],
      ['<p>' + '<a title="'.repeat(20_000), '<p>' + '<a title="'.repeat(20_001)],
      ['<div><p>texte</span></em>', '<div><p>autre</b>'],
    ] as const
    for (const [before, after] of hostile) {
      const marked = markWordChanges(before, after, { fold: true })
      expect(sideOf(marked, 'before')).toBe(before)
      expect(sideOf(marked, 'after')).toBe(after)
    }
  })
})
