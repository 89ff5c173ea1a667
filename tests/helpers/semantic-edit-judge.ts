/**
 * The semantic edit judge (issue 12): a `roundtrip --mutate` edit made through
 * the editor model must change the *published* page only by the edit. The
 * page is split the way Jekyll splits it (its own regular expression, not
 * Atelier's splitter, so a front matter that no longer closes is seen as Jekyll
 * sees it), the body rendered by a kramdown (the port, or Ruby's), the front
 * matter parsed with `yaml`; the edit's expected effect is then checked:
 *
 * - title: the body HTML is unchanged, the title is the new one, every other
 *   front-matter value is unchanged;
 * - append: the old HTML plus one `<p>Paragraphe ajouté.</p>` (before the
 *   footnotes, which kramdown always writes last), whitespace between blocks
 *   being kramdown's;
 * - first-paragraph: `Note : ` inserted right after the opening tag of the
 *   first top-level `<p>` the editor models (a page with no paragraph is left unchanged).
 */
import { isDeepStrictEqual } from 'node:util'
import { parse } from 'yaml'
import { mutations, type MutationKind } from '../../src-main/commands/roundtrip.js'
import { openPage, savePage } from '../../src-shared/markdown/page-document.js'

export const editKinds = Object.keys(mutations) as MutationKind[]

/**
 * Jekyll 4.3's `Document::YAML_FRONT_MATTER_REGEXP`
 * (`\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` with Ruby's multiline `.`),
 * written for JavaScript: Ruby's `^`/`$` are line anchors at `\n` only.
 */
const JEKYLL_FRONT_MATTER = /^(---\s*\n[\s\S]*?\n?)(?<=\n)((?:---|\.\.\.)\s*(?=\n|$)\n?)/

export interface PublishedPage {
  /** Front-matter values as Jekyll would read them; null for a page without front matter. */
  frontMatter: unknown
  /** The body after front matter, as kramdown gets it (see `forKramdown`). */
  body: string
}

/** The page as Jekyll reads it: BOM dropped (Jekyll reads with `bom|utf-8`), front matter split off. */
export function jekyllSplit(text: string): PublishedPage {
  const page = text.replace(/^\uFEFF/, '')
  const match = JEKYLL_FRONT_MATTER.exec(page)
  if (!match) return { frontMatter: null, body: forKramdown(page) }
  let values: unknown
  try {
    values = parse(match[1]!.replace(/^---[^\n]*\n/, '')) ?? {}
  } catch {
    values = { unparseable: match[1] }
  }
  return { frontMatter: values, body: forKramdown(page.slice(match[0].length)) }
}

/**
 * The body as kramdown gets it, Liquid left as text: Jekyll renders Liquid
 * first, so the `|` of a filter (`{{ '/docs/' | relative_url }}`) never reaches
 * kramdown, where a line holding a pipe is a table. Each such pipe becomes `¦`,
 * on both sides of the edit alike, so a change inside Liquid still shows.
 */
export function forKramdown(body: string): string {
  return body.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (liquid) => liquid.replace(/\|/g, '¦'))
}

/** The edited text of a page, as `roundtrip --mutate` writes it. */
export function applyEdit(kind: MutationKind, text: string): string {
  const bom = text.startsWith('\uFEFF')
  const saved = savePage(mutations[kind](openPage(text)))
  return bom && !saved.startsWith('\uFEFF') ? `\uFEFF${saved}` : saved
}

/** What the judge needs to know of the editor's reading of the page before the edit. */
export function editorModel(text: string): { titleEditable: boolean; hasParagraph: boolean } {
  const page = openPage(text)
  return {
    titleEditable: page.frontMatter.kind !== 'read-only',
    hasParagraph: page.doc.content.some(
      (node) => node.type === 'paragraph' && (node.content ?? []).length > 0,
    ),
  }
}

export const APPENDED = '<p>Paragraphe ajouté.</p>'
export const PREFIX = 'Note : '
const FOOTNOTES = /<div class="footnotes"[^>]*>[\s\S]*$/

/** Expected title after the `title` edit, from the values before it. */
function expectedTitle(values: unknown): string {
  const title = (values as Record<string, unknown> | null)?.title
  return typeof title === 'string' || typeof title === 'number'
    ? `${title} (révisé)`
    : 'Sans titre (révisé)'
}

function withoutTitle(values: unknown): unknown {
  if (values === null) return {}
  if (typeof values !== 'object' || Array.isArray(values)) return values
  const { title: _title, ...rest } = values as Record<string, unknown>
  return rest
}

/** Where two strings first differ, with some context, for the failure report. */
function around(want: string, got: string): string {
  let at = 0
  while (at < want.length && want[at] === got[at]) at++
  const from = Math.max(0, at - 60)
  return `\n    expected: …${JSON.stringify(want.slice(from, at + 80))}\n    got:      …${JSON.stringify(got.slice(from, at + 80))}`
}

/**
 * Null when the edit changed the published page only as expected, otherwise
 * a description of what else changed. `before`/`after` are the split pages,
 * `htmlBefore`/`htmlAfter` their bodies rendered by the same kramdown.
 */
export function judgeEdit(
  kind: MutationKind,
  before: PublishedPage,
  after: PublishedPage,
  htmlBefore: string,
  htmlAfter: string,
  model: {
    /** Atelier leaves read-only front matter (TOML, webgen, invalid YAML) alone: no title edit. */
    titleEditable: boolean
    /** The editor models a top-level paragraph (a Liquid line is a `<p>` to kramdown only). */
    hasParagraph: boolean
  },
): string | null {
  if (kind !== 'title' && !isDeepStrictEqual(before.frontMatter, after.frontMatter))
    return `front matter changed: ${JSON.stringify(before.frontMatter)} → ${JSON.stringify(after.frontMatter)}`
  if (kind === 'title') {
    if (htmlAfter !== htmlBefore) return `body HTML changed${around(htmlBefore, htmlAfter)}`
    if (!model.titleEditable) return htmlAfter === htmlBefore ? null : 'read-only page changed'
    const title = (after.frontMatter as Record<string, unknown> | null)?.title
    if (title !== expectedTitle(before.frontMatter))
      return `title is ${JSON.stringify(title)}, expected ${JSON.stringify(expectedTitle(before.frontMatter))}`
    if (!isDeepStrictEqual(withoutTitle(before.frontMatter), withoutTitle(after.frontMatter)))
      return `other front-matter values changed: ${JSON.stringify(before.frontMatter)} → ${JSON.stringify(after.frontMatter)}`
    return null
  }
  if (kind === 'append') {
    const notes = FOOTNOTES.exec(htmlBefore)?.[0] ?? ''
    const main = htmlBefore.slice(0, htmlBefore.length - notes.length).trimEnd()
    const blockGap = main === '' ? '' : '\n\n'
    const want = `${main}${blockGap}${APPENDED}\n${notes ? `${notes}` : ''}`
    // kramdown writes one `\n` per blank source line between blocks: only whitespace may vary.
    const fold = (html: string) => html.replace(/>\s+</g, '>\n<').trim()
    return fold(htmlAfter) === fold(want)
      ? null
      : `not the old HTML plus one <p>${around(want, htmlAfter)}`
  }
  // first-paragraph: a top-level <p> (kramdown writes nested blocks indented) gets the words.
  // Not necessarily the first: a Liquid line is a source block to the editor but, Liquid being
  // left as text here, a <p> to kramdown; the edit goes to the first paragraph the editor models.
  const fold = (html: string) => html.replace(/\s+/g, ' ').trim()
  const got = fold(htmlAfter)
  if (!model.hasParagraph)
    return htmlAfter === htmlBefore
      ? null
      : `no paragraph in the editor, yet the HTML changed${around(htmlBefore, htmlAfter)}`
  const starts = [...htmlBefore.matchAll(/(?:^|\n)<p(?: [^>]*)?>/g)]
  if (starts.length === 0) return `no <p> in the HTML for the editor's paragraph`
  for (const start of starts) {
    const at = start.index + start[0].length
    // `Note : ` before a line break or a space: kramdown strips either side, hence the folding.
    if (got === fold(htmlBefore.slice(0, at) + PREFIX + htmlBefore.slice(at))) return null
  }
  const at = starts[0]!.index + starts[0]![0].length
  const want = htmlBefore.slice(0, at) + PREFIX + htmlBefore.slice(at)
  return `"${PREFIX}" not inserted in a top-level <p>${around(want, htmlAfter)}`
}
