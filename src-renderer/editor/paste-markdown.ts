import { Node, Slice } from '@tiptap/pm/model'
import type { EditorView } from '@tiptap/pm/view'
import { toEditorDoc } from '../../src-shared/markdown/page-document.js'

/** Plain text that is most likely Markdown: headings, lists, quotes, bold or links. */
const MARKDOWN = /^(#{1,6} |[*+-] |\d+[.)] |> )|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)/m

/**
 * Pasted Markdown text (no HTML on the clipboard) becomes formatted text,
 * through the same conversion as pages; the pasted blocks are new, so they
 * are written in the file's style when saved.
 */
export function pasteMarkdown(view: EditorView, event: ClipboardEvent): boolean {
  const data = event.clipboardData
  if (!data || data.types.includes('text/html')) return false
  const text = data.getData('text/plain')
  if (!text || !MARKDOWN.test(text)) return false
  const nodes = toEditorDoc(text, '\n').content.map(({ attrs, ...node }) => {
    const { src: _src, fp: _fp, ...rest } = attrs ?? {}
    return { ...node, attrs: rest }
  })
  const doc = Node.fromJSON(view.state.schema, { type: 'doc', content: nodes })
  view.dispatch(view.state.tr.replaceSelection(Slice.maxOpen(doc.content)).scrollIntoView())
  return true
}
