import type { Node } from '@tiptap/pm/model'
import {
  sealIfUnchanged,
  type EditorDoc,
  type EditorNode,
} from '../../src-shared/markdown/editor-document.js'

/** Each top-level node's JSON, made once: ProseMirror nodes never change, edits make new ones. */
const blocks = new WeakMap<Node, EditorNode>()

/**
 * The editor's document as JSON, as `editor.getJSON()` gives it, each
 * top-level block converted once per ProseMirror node: a block the document
 * still holds is the same JSON at every read. A block still as it was opened
 * is sealed (`sealIfUnchanged`), so that saves write it from its source
 * without hashing it again. The text is read after every pause in typing (the
 * preview): then only the blocks typed in are converted and hashed.
 */
export function editorDocJson(doc: Node): EditorDoc {
  // As ProseMirror's `Node.toJSON()`: attributes when there are any, content when not empty.
  const json: EditorNode = { type: doc.type.name }
  for (const _ in doc.attrs) {
    json.attrs = doc.attrs
    break
  }
  if (doc.childCount > 0) {
    const content: EditorNode[] = []
    doc.forEach((child) => {
      let block = blocks.get(child)
      if (!block) {
        // A copy of its own: sealing freezes it, and `toJSON()` shares the node's attributes.
        block = structuredClone(child.toJSON() as EditorNode)
        sealIfUnchanged(block)
        blocks.set(child, block)
      }
      content.push(block)
    })
    json.content = content
  }
  return json as EditorDoc
}
