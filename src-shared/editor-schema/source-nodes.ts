import { Extension, Node } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { softBreaksToSpaces } from '../markdown/soft-break.js'

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
 * The line breaks inside a hard-wrapped paragraph are characters of its text
 * (`SOFT_BREAK`, see `markdown/soft-break.ts`), not nodes. A reader who copies
 * the text gets the spaces they see; text pasted from elsewhere never brings
 * one in, so only the page's own line breaks are written back as lines.
 */
export const SoftBreaks = Extension.create({
  name: 'softBreaks',
  // Before TipTap's own clipboard text serializer, which would copy the characters as they are.
  priority: 1000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('softBreaks'),
        props: {
          clipboardTextSerializer: (slice) =>
            softBreaksToSpaces(
              slice.content.textBetween(0, slice.content.size, '\n\n', (leaf) =>
                leaf.type.name === 'hardBreak' ? '\n' : '',
              ),
            ),
          transformPastedText: (text) => softBreaksToSpaces(text),
        },
      }),
    ]
  },
})
