import { getField, setField, type FieldValue } from '../front-matter/front-matter-edit.js'
import type { EditorNode } from './editor-document.js'
import type { PageModel } from './page-document.js'

/**
 * Edits through the editor document model: the same operations the editor
 * performs, used by the CLI's `--mutate` and by tests.
 */

/** Sets a front-matter field; a page without front matter gets one. Read-only front matter is refused. */
export function setFrontMatterField(page: PageModel, path: string[], value: FieldValue): PageModel {
  const part = page.frontMatter
  if (part.kind === 'read-only') throw new Error(`front matter is read-only (${part.reason})`)
  if (part.kind === 'none') {
    const eol = page.doc.attrs.eol
    const yaml = setField('', path, value).replace(/\n/g, eol)
    return { ...page, frontMatter: { kind: 'yaml', open: `---${eol}`, yaml, close: `---${eol}` } }
  }
  return { ...page, frontMatter: { ...part, yaml: setField(part.yaml, path, value) } }
}

export function frontMatterField(page: PageModel, path: string[]): unknown {
  return page.frontMatter.kind === 'yaml' ? getField(page.frontMatter.yaml, path) : undefined
}

export function appendParagraph(page: PageModel, text: string): PageModel {
  const paragraph: EditorNode = { type: 'paragraph', content: [{ type: 'text', text }] }
  return { ...page, doc: { ...page.doc, content: [...page.doc.content, paragraph] } }
}

/**
 * Inserts text at the start of the first top-level paragraph; no paragraph, no change.
 * The empty paragraph ProseMirror needs in a page with no body is not one of the
 * page's paragraphs: filling it would add a paragraph, not prefix one.
 */
export function prefixFirstParagraph(page: PageModel, text: string): PageModel {
  const index = page.doc.content.findIndex(
    (node) => node.type === 'paragraph' && (node.content ?? []).length > 0,
  )
  if (index < 0) return page
  const paragraph = page.doc.content[index]!
  const children = [...(paragraph.content ?? [])]
  const first = children[0]
  if (first?.type === 'text' && !first.marks?.length)
    children[0] = { ...first, text: text + (first.text ?? '') }
  else children.unshift({ type: 'text', text })
  const content = [...page.doc.content]
  content[index] = { ...paragraph, content: children }
  return { ...page, doc: { ...page.doc, content } }
}
