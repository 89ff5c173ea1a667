import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { visibleText } from '../../src-shared/text/visible-text.js'

/** A passage of the page that reviewers commented on: its first words, and how it is labelled. */
export interface CommentedPassage {
  /** The block's source, flattened (as the comment keeps it). */
  excerpt: string
  /** What the margin says, e.g. « 2 commentaires · 1 à traiter ». */
  label: string
  /** Still to be dealt with (not « Résolu »): marked more strongly. */
  open: boolean
}

const key = new PluginKey<DecorationSet>('commentMarks')

/**
 * Marks, beside the text, each block a reviewer commented on: an attribute
 * and a class on the block itself (no element added), which the stylesheet
 * draws as a note in the block's margin. Found by the passage's first words,
 * as « Voir le passage » finds it; computed when the comments change, then
 * carried along by each edit (no work per keystroke beyond the mapping).
 */
export const CommentMarks = Extension.create({
  name: 'commentMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr: Transaction, marks: DecorationSet) {
            const passages = tr.getMeta(key) as CommentedPassage[] | undefined
            if (passages) return decorate(tr.doc, passages)
            return tr.docChanged ? marks.map(tr.mapping, tr.doc) : marks
          },
        },
        props: {
          decorations: (state: EditorState) => key.getState(state),
        },
      }),
    ]
  },
})

/** The transaction that shows `passages` in the margin (replacing those shown before). */
export function showCommentedPassages(state: EditorState, passages: CommentedPassage[]) {
  return state.tr.setMeta(key, passages).setMeta('addToHistory', false)
}

export function decorate(doc: PMNode, passages: CommentedPassage[]): DecorationSet {
  const byBlock = new Map<number, { node: PMNode; passages: CommentedPassage[] }>()
  for (const passage of passages) {
    const words = shownWords(passage.excerpt)
    if (!words) continue
    // The first block holding the words, as « Voir le passage » scrolls to it.
    let offset = 0
    for (let index = 0; index < doc.childCount; index++) {
      const node = doc.child(index)
      if (normalise(node.textBetween(0, node.content.size, ' ', ' ')).includes(words)) {
        const found = byBlock.get(offset) ?? { node, passages: [] }
        found.passages.push(passage)
        byBlock.set(offset, found)
        break
      }
      offset += node.nodeSize
    }
  }
  const decorations = [...byBlock].map(([offset, { node, passages: here }]) =>
    Decoration.node(offset, offset + node.nodeSize, {
      class: here.some((passage) => passage.open) ? 'has-comments open' : 'has-comments',
      'data-comments': here.map((passage) => passage.label).join(' · '),
    }),
  )
  return DecorationSet.create(doc, decorations)
}

/**
 * The first words a reader sees of a passage written in Markdown (the comment keeps the
 * block's source): block markers and inline markup left out, up to the next list item.
 */
function shownWords(excerpt: string): string {
  const source = excerpt
    .replace(/[…\s]+$/, '')
    .replace(/^(?:\s*(?:#{1,6}|[-*+]|\d+[.)]|>)\s+)+/, '')
  const shown = normalise(visibleText(source).text)
  const nextItem = /\s(?:[-*+]|\d+[.)])\s/.exec(shown)
  return (nextItem ? shown.slice(0, nextItem.index) : shown).slice(0, 40).trim()
}

/** Whitespace as one space (a soft line break included), so wrapped text still matches. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
