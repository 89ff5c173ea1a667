import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setFrontMatterField } from '../../../../src-shared/markdown/edit-operations.js'
import type { EditorNode } from '../../../../src-shared/markdown/editor-document.js'
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

/** Every node of the tree, the block itself first. */
function nodesOf(node: EditorNode): EditorNode[] {
  return [node, ...(node.content ?? []).flatMap(nodesOf)]
}

/**
 * An edit somewhere inside a block, at any depth, made as ProseMirror makes one:
 * new nodes from the changed one up to the block, every other node shared with
 * the opened page (`null`: a new block object and no change at all).
 */
const edit = fc.record({
  kind: fc.constantFrom('text', 'marks', 'drop', 'repeat', 'attr', null),
  at: fc.nat(),
})

const changes: Record<string, [(node: EditorNode) => boolean, (node: EditorNode) => EditorNode]> = {
  text: [
    (node) => typeof node.text === 'string',
    (node) => ({ ...node, text: `${node.text} modifié` }),
  ],
  marks: [
    (node) => node.type === 'text',
    (node) => ({ ...node, marks: node.marks?.length ? [] : [{ type: 'bold' }] }),
  ],
  drop: [
    (node) => (node.content?.length ?? 0) > 1,
    (node) => ({ ...node, content: node.content!.slice(0, -1) }),
  ],
  repeat: [
    (node) => (node.content?.length ?? 0) > 0,
    (node) => ({ ...node, content: [...node.content!, node.content![0]!] }),
  ],
  attr: [
    () => true,
    (node) => ({ ...node, attrs: { ...node.attrs, level: 7 - Number(node.attrs?.level ?? 1) } }),
  ],
}

/** `node` with `target` (one of its nodes) replaced by `change(target)`, the path to it copied. */
function replaced(
  node: EditorNode,
  target: EditorNode,
  change: (node: EditorNode) => EditorNode,
): EditorNode {
  if (node === target) return change(node)
  const content = node.content?.map((child) =>
    nodesOf(child).includes(target) ? replaced(child, target, change) : child,
  )
  return content ? { ...node, content } : node
}

/** The changed block, and whether the change is a word that must show in the saved text. */
function edited(
  block: EditorNode,
  change: { kind: string | null; at: number },
): { copy: EditorNode; shows: boolean } {
  const [applies, apply] = changes[change.kind ?? ''] ?? [() => false, (node: EditorNode) => node]
  const targets = nodesOf(block).filter(applies)
  if (!targets.length) return { copy: { ...block }, shows: false }
  const target = targets[change.at % targets.length]!
  const copy = replaced(block, target, apply)
  return { copy: copy === block ? { ...block } : copy, shows: change.kind === 'text' }
}

describe('an opened page’s blocks are written from their source only while untouched', () => {
  it('an edited block, at any depth, is written as every block’s fingerprint says (none taken for untouched)', () => {
    fc.assert(
      fc.property(page, fc.nat(), edit, (text, pick, change) => {
        const model = openPage(text)
        const index = pick % model.doc.content.length
        const content = [...model.doc.content]
        const { copy, shows } = edited(content[index]!, change)
        content[index] = copy
        const outcome = (blocks: EditorNode[]) => {
          try {
            return savePage({ ...model, doc: { ...model.doc, content: blocks } })
          } catch (error) {
            return (error as Error).constructor.name
          }
        }
        // The same blocks as fresh copies: nothing is known untouched, each one's
        // fingerprint is taken and compared, as before blocks were sealed at open.
        expect(outcome(content)).toBe(outcome(structuredClone(content)))
        if (shows) expect(outcome(content)).toContain('modifié')
      }),
      { numRuns: 400 },
    )
  })

  it('a block cannot be changed in place, which would leave it written from its old source', () => {
    const model = openPage('Un **paragraphe**.\n\n* un\n* deux\n')
    const [paragraph, list] = model.doc.content as [EditorNode, EditorNode]
    expect(() => {
      paragraph.content![0]!.text = 'Autre'
    }).toThrow(TypeError)
    expect(() => {
      list.content!.push(structuredClone(list.content![0]!))
    }).toThrow(TypeError)
    expect(() => {
      paragraph.attrs!.fp = 'x'
    }).toThrow(TypeError)
    expect(savePage(model)).toBe('Un **paragraphe**.\n\n* un\n* deux\n')
  })
})
