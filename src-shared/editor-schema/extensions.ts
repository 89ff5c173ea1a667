import { getSchema, type AnyExtension } from '@tiptap/core'
import Code from '@tiptap/extension-code'
import Image from '@tiptap/extension-image'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { LosslessAttributes } from './lossless-attributes.js'
import { SoftBreaks, SourceBlock, SourceInline } from './source-nodes.js'
import { alignCellsLikeHeader } from './table-alignment.js'

/**
 * The editor's extensions: `@tiptap/starter-kit` and Atelier's own. The
 * conversion in `src-shared/markdown/` produces documents valid under exactly
 * this schema (tested), so the editor can load them without losing anything.
 */
export function editorExtensions(
  /** The renderer swaps in versions of the source nodes with React node views. */
  custom: { sourceBlock?: AnyExtension; sourceInline?: AnyExtension; image?: AnyExtension } = {},
): AnyExtension[] {
  return [
    StarterKit.configure({
      // Kramdown has no underline or strike-through in our pages; links open nothing in the editor.
      underline: false,
      strike: false,
      code: false,
      // An empty last paragraph would be written as blank lines: no trailing node.
      trailingNode: false,
      link: { openOnClick: false, HTMLAttributes: { target: null, rel: null, class: null } },
    }),
    // Markdown allows code inside links and emphasis (`[`config`](…)`): TipTap's code mark excludes all others.
    Code.extend({ excludes: '' }),
    custom.image ?? Image.configure({ inline: true }),
    custom.sourceBlock ?? SourceBlock,
    custom.sourceInline ?? SourceInline,
    SoftBreaks,
    // Pipe tables: a cell holds one line of text in Markdown, so paragraphs only (joined when written).
    Table.extend({
      addKeyboardShortcuts() {
        return {
          ...this.parent?.(),
          // Tab in the last cell adds a row, as TipTap's does, its cells aligned as their columns.
          Tab: () => {
            const { editor } = this
            if (editor.commands.goToNextCell()) return true
            if (!editor.can().addRowAfter()) return false
            return editor.chain().addRowAfter().command(alignCellsLikeHeader).goToNextCell().run()
          },
        }
      },
    }).configure({ resizable: false, HTMLAttributes: { class: 'page-table' } }),
    TableRow,
    TableHeader.extend({ content: 'paragraph+' }),
    TableCell.extend({ content: 'paragraph+' }),
    LosslessAttributes,
  ]
}

export const editorSchema = () => getSchema(editorExtensions())
