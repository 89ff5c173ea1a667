import { readPageText } from '../site/front-matter.js'
import { kramdownOptions, renderMarkdown } from '../preview/markdown/render-markdown.js'
import type { SiteDocument } from '../preview/site-model.js'

/**
 * The ids a page's headings (and any element with an `id`) get once published: the kramdown
 * port renders the body, so the ids are kramdown's own (GFM's with `input: GFM`, accents kept,
 * `-1` for a repeat). Liquid is not run first: a heading built by Liquid is not known.
 */
export function headingIds(
  body: string,
  markdown: boolean,
  kramdown: Record<string, unknown>,
): Set<string> {
  const html = markdown ? renderMarkdown(body, kramdownOptions(kramdown)) : body
  const ids = new Set<string>()
  for (const match of html.matchAll(/\sid\s*=\s*(["'])([^"']*)\1/g))
    ids.add(decodeEntities(match[2]!))
  return ids
}

/** The ids of a page from its whole text (the editor's, not yet saved). */
export function headingIdsOfText(
  text: string,
  markdown: boolean,
  kramdown: Record<string, unknown>,
): Set<string> {
  return headingIds(readPageText(text).body, markdown, kramdown)
}

/** Caches each document's ids for one check run (a page linked from many is rendered once). */
export class HeadingIdCache {
  private readonly cache = new Map<string, Set<string>>()
  constructor(private readonly kramdown: Record<string, unknown>) {}

  of(doc: SiteDocument): Set<string> {
    let ids = this.cache.get(doc.relativePath)
    if (!ids) {
      ids = headingIds(doc.body, doc.markdown, this.kramdown)
      this.cache.set(doc.relativePath, ids)
    }
    return ids
  }

  forget(path: string): void {
    this.cache.delete(path)
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}
