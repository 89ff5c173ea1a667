import { frontMatterText, type PageModel } from '../../src-shared/markdown/page-document.js'

/**
 * Lines (0-based, end exclusive) that top-level block `index` occupies in the
 * page's original text, blank lines after it excluded.
 */
export function blockLines(page: PageModel, index: number): [number, number] {
  const before =
    frontMatterText(page.frontMatter) +
    page.doc.attrs.lead +
    page.doc.content
      .slice(0, index)
      .map((node) => String(node.attrs?.src))
      .join('')
  const start = before.split(/\r\n|\n|\r/).length - 1
  const own = String(page.doc.content[index]!.attrs?.src)
    .replace(/(\r\n|\n|\r|[ \t])+$/, '')
    .split(/\r\n|\n|\r/).length
  return [start, start + own]
}
