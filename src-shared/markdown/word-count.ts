import type { EditorNode } from './editor-document.js'

/** Words a reader reads: text of the body, source (Liquid, HTML…) left out. */
export function countWords(nodes: EditorNode[]): number {
  let words = 0
  const visit = (node: EditorNode) => {
    if (node.type === 'text' && node.text) {
      words += node.text
        .split(/[\s\u00a0\u202f]+/u)
        .filter((word) => /[\p{L}\p{N}]/u.test(word)).length
    }
    for (const child of node.content ?? []) visit(child)
  }
  nodes.forEach(visit)
  return words
}

/** Minutes to read at 200 words a minute, at least one for a page with any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200))
}
