import { readPageText } from '../site/front-matter.js'
import { kramdownOptions, renderMarkdown } from '../preview/markdown/render-markdown.js'
import type { SiteDocument } from '../preview/site-model.js'

/**
 * The ids a page's headings (and any element with an `id`) get once published: the kramdown
 * port renders the headings, so the ids are kramdown's own (GFM's with `input: GFM`, accents
 * kept, `-1` for a repeat). Liquid is not run first: a heading built by Liquid is not known.
 */
export function headingIds(
  body: string,
  markdown: boolean,
  kramdown: Record<string, unknown>,
): Set<string> {
  const ids = new Set<string>()
  const collect = (html: string) => {
    for (const match of html.matchAll(/\sid\s*=\s*(["'])([^"']*)\1/g))
      ids.add(decodeEntities(match[2]!))
  }
  // Raw HTML's own ids, then the headings' as the port gives them.
  collect(body)
  if (markdown) collect(renderMarkdown(headingLines(body), kramdownOptions(kramdown)))
  return ids
}

/**
 * The page's headings alone, in order, each a block of its own: an id comes from its heading's
 * text and the ones before it (`-1` for a repeat), so the port gives them the ids they get in
 * the whole page, without rendering the paragraphs between. Fenced code is skipped.
 */
export function headingLines(body: string): string {
  const lines = body.split(/\r?\n/)
  const kept: string[] = []
  let fence: string | null = null
  lines.forEach((line, at) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (marker) {
      if (fence === null) fence = marker[1]!
      else if (marker[1]![0] === fence[0] && marker[1]!.length >= fence.length) fence = null
      return
    }
    if (fence !== null) return
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) kept.push(line)
    else if (at > 0 && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line) && /\S/.test(lines[at - 1]!))
      kept.push(`${lines[at - 1]!}\n${line}`)
  })
  return kept.join('\n\n')
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
