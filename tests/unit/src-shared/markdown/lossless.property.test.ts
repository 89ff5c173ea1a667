import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setFrontMatterField } from '../../../../src-shared/markdown/edit-operations.js'
import { openPage, savePage } from '../../../../src-shared/markdown/page-document.js'
import { blockLines } from '../../../helpers/block-lines.js'
import { changedRegion } from '../../../helpers/changed-lines.js'

const word = fc.constantFrom(
  'gouvernement',
  'ouvert',
  'Bénin',
  'données',
  'l’État',
  'budget',
  'OSC',
  'à',
  'œuvre',
  '«',
  '»',
  '2018',
  'a_b',
  '*',
  '[x]',
  '\\*',
)
const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((list) => list.join(' '))
const inlineText = fc
  .array(
    fc.oneof(
      words,
      words.map((text) => `*${text}*`),
      words.map((text) => `**${text}**`),
      words.map((text) => `_${text}_`),
      words.map((text) => `[${text}](https://example.org/${text.length})`),
      fc.constant('{{ site.title }}'),
      fc.constant('<abbr>PGO</abbr>'),
      fc.constant('`code`'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(' '))

const block = fc.oneof(
  fc.array(inlineText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), inlineText)
    .map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  inlineText.map((text) => `${text}\n${'='.repeat(5)}`),
  fc
    .tuple(
      fc.constantFrom('*', '-', '+', '1.'),
      fc.array(inlineText, { minLength: 1, maxLength: 4 }),
    )
    .map(([marker, items]) => items.map((item) => `${marker} ${item}`).join('\n')),
  words.map((text) => `> ${text}`),
  fc.constantFrom('```ruby\nputs 1\n```', '~~~\n  indenté\n~~~', '* * *', '---'),
  fc.constantFrom(
    '{% include note.html %}',
    '<div class="x">\n  html\n</div>',
    '{::comment}\nnote\n{:/comment}',
  ),
  inlineText.map((text) => `${text}\n{: .encadre}`),
  // Pipe tables: editable ones (plain cells) and source ones (code, Liquid, HTML in a cell).
  fc
    .tuple(inlineText, words, fc.boolean())
    .map(([text, word, lead]) =>
      lead
        ? `| ${word} | Montant |\n|:---|---:|\n| ${text} | 12 |\n| ${word} | 2024 |`
        : `${word} | Montant\n--- | ---\n${text} | 12`,
    ),
)

const frontMatter = fc.option(
  fc
    .tuple(words, fc.boolean(), fc.integer({ min: 0, max: 99 }))
    .map(
      ([title, quoted, order]) =>
        `# Réglages\ntitle: ${quoted ? JSON.stringify(title) : title.replace(/[*[\]\\:#]/g, '')} # le titre\norder: ${order}\n\nhero:\n    title: ${title.replace(/[*[\]\\:#]/g, '')}\n    text: Étapes\n    \n`,
    ),
  { nil: null },
)

const page = fc
  .record({
    frontMatter,
    blocks: fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n\n', '\n  \n')), {
      minLength: 1,
      maxLength: 8,
    }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ frontMatter: yaml, blocks, eol, finalNewline, bom }) => {
    let body = blocks.map(([text, gap]) => text + gap).join('')
    body = finalNewline ? body.replace(/\s+$/, '\n') : body.replace(/\s+$/, '')
    const text = (yaml === null ? '' : `---\n${yaml}---\n\n`) + body
    return (bom ? '\uFEFF' : '') + text.replace(/\n/g, eol)
  })

/** Any text at all, drawn from Markdown's special characters: the parser must never lose a byte. */
const anyText = fc
  .array(
    fc.constantFrom(
      '#',
      '*',
      '_',
      '`',
      '~',
      '-',
      '+',
      '>',
      '<',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      '%',
      ':',
      '|',
      '!',
      '\\',
      '$',
      '^',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      'a',
      'é',
      '1',
      '.',
      '\u00a0',
      '\u2005',
      '\uFEFF',
    ),
    { maxLength: 200 },
  )
  .map((chars) => chars.join(''))

describe('lossless properties', () => {
  it('any text, however odd, round-trips unchanged', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(savePage(openPage(text))).toBe(text)
      }),
      { numRuns: 1000 },
    )
  })

  it('a no-op round trip gives back the same text', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(savePage(openPage(text))).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('editing one block changes only that block’s lines', () => {
    fc.assert(
      fc.property(page, fc.nat(), (text, pick) => {
        const model = openPage(text)
        const editable = model.doc.content
          .map((node, index) => ({ node, index }))
          .filter(({ node }) => node.type === 'paragraph' || node.type === 'heading')
        fc.pre(editable.length > 0)
        const { index } = editable[pick % editable.length]!
        const content = [...model.doc.content]
        content[index] = { ...content[index]!, content: [{ type: 'text', text: 'Texte modifié' }] }
        const saved = savePage({ ...model, doc: { ...model.doc, content } })

        const [firstLine, lastLine] = blockLines(model, index)
        const region = changedRegion(text.replace(/\r\n/g, '\n'), saved.replace(/\r\n/g, '\n'))
        expect(region.start).toBeGreaterThanOrEqual(firstLine)
        expect(region.oldEnd).toBeLessThanOrEqual(lastLine)
        expect(saved.includes('Texte modifié')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('setting the title changes only the title line', () => {
    fc.assert(
      fc.property(page, (text) => {
        const model = openPage(text)
        // A body starting with two `---` rules is front matter to Jekyll too (found by
        // fast-check: "---\n\n---"); only generated front matter has a title to replace.
        fc.pre(model.frontMatter.kind === 'yaml' && text.includes('# le titre'))
        const saved = savePage(setFrontMatterField(model, ['title'], 'Nouveau titre'))
        const region = changedRegion(text, saved)
        expect(region.oldEnd - region.start).toBe(1)
        expect(region.newEnd - region.start).toBe(1)
        expect(saved.split(/\r?\n/)[region.start]).toMatch(
          /^(\uFEFF)?title: +"?Nouveau titre"? +# le titre\r?$/,
        )
      }),
      { numRuns: 200 },
    )
  })
})
