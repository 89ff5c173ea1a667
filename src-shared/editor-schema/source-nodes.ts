import { Node } from '@tiptap/core'

/**
 * What the editor does not model (Liquid, raw HTML, kramdown extensions,
 * footnotes, tables other than pipe tables, math…): an atom holding its exact source, shown as a
 * labelled block or chip, editable as source, written back unchanged.
 */
export const SourceBlock = Node.create({
  name: 'sourceBlock',
  group: 'block',
  atom: true,
  addAttributes() {
    return { kind: { default: 'other' }, source: { default: '' } }
  },
  parseHTML() {
    return [{ tag: 'pre[data-source-block]' }]
  },
  renderHTML({ node }) {
    return ['pre', { 'data-source-block': node.attrs.kind }, node.attrs.source]
  },
})

export const SourceInline = Node.create({
  name: 'sourceInline',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes() {
    return { kind: { default: 'other' }, source: { default: '' } }
  },
  parseHTML() {
    return [{ tag: 'code[data-source-inline]' }]
  },
  renderHTML({ node }) {
    return ['code', { 'data-source-inline': node.attrs.kind }, node.attrs.source]
  },
})

/**
 * The line break inside a hard-wrapped paragraph. Shown as a space, so text
 * flows like in a word processor, and written back as the line break it was,
 * so editing one word of a wrapped paragraph changes one line.
 */
export const SoftBreak = Node.create({
  name: 'softBreak',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: false,
  parseHTML() {
    return [{ tag: 'span[data-soft-break]' }]
  },
  renderHTML() {
    return ['span', { 'data-soft-break': '' }, ' ']
  },
  renderText() {
    return ' '
  },
})
