import { collectReferences, parseBlocks } from './block-parser.js'
import { fingerprint, type EditorDoc } from './editor-document.js'
import { dominantEol, splitLines } from './lines.js'
import { serializeBody } from './to-markdown.js'

/**
 * A page as the editor holds it: the front matter's exact text (edited by
 * splicing, see `front-matter-edit.ts`), and the body as an editor document.
 * `openPage` then `savePage` with no edit gives back the same bytes.
 */
export type FrontMatterPart =
  | { kind: 'none' }
  /** `open` + `yaml` + `close` is the exact text, delimiter lines included. */
  | { kind: 'yaml'; open: string; yaml: string; close: string }
  /** Kept as it is and shown read-only: not YAML (TOML, webgen sections) or unparseable. */
  | { kind: 'read-only'; raw: string; reason: 'toml' | 'webgen' | 'yaml-error' | 'unclosed' }

export interface PageModel {
  bom: boolean
  frontMatter: FrontMatterPart
  doc: EditorDoc
}

const OPEN = /^---[ \t]*(\r\n|\n|\r)/
const CLOSE = /^(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/m
const TOML = /^\+\+\+[ \t]*(\r\n|\n|\r)[\s\S]*?^\+\+\+[ \t]*(\r\n|\n|\r|$)/m
const WEBGEN = /^--- *(name|pipeline):.*$/m

export function splitPage(text: string): {
  bom: boolean
  frontMatter: FrontMatterPart
  body: string
} {
  const bom = text.startsWith('\uFEFF')
  const rest = bom ? text.slice(1) : text
  const toml = TOML.exec(rest)
  if (toml && toml.index === 0) {
    return {
      bom,
      frontMatter: { kind: 'read-only', raw: toml[0], reason: 'toml' },
      body: rest.slice(toml[0].length),
    }
  }
  const open = OPEN.exec(rest)
  if (!open) return { bom, frontMatter: { kind: 'none' }, body: rest }
  const afterOpen = rest.slice(open[0].length)
  const close = CLOSE.exec(afterOpen)
  const webgen = WEBGEN.exec(afterOpen)
  if (webgen && (!close || webgen.index < close.index)) {
    // webgen pages: YAML, then `--- name:…` sections that are not Markdown front matter.
    const end = webgen.index + webgen[0].length
    const eolMatch = /^(\r\n|\n|\r)?/.exec(afterOpen.slice(end))![0]
    const raw = rest.slice(0, open[0].length + end + eolMatch.length)
    return {
      bom,
      frontMatter: { kind: 'read-only', raw, reason: 'webgen' },
      body: rest.slice(raw.length),
    }
  }
  if (!close)
    return { bom, frontMatter: { kind: 'read-only', raw: rest, reason: 'unclosed' }, body: '' }
  const yaml = afterOpen.slice(0, close.index)
  return {
    bom,
    frontMatter: { kind: 'yaml', open: open[0], yaml, close: close[0] },
    body: afterOpen.slice(close.index + close[0].length),
  }
}

export function openPage(
  text: string,
  options: { validateYaml?: (yaml: string) => boolean } = {},
): PageModel {
  const { bom, frontMatter: part, body } = splitPage(text)
  let frontMatter = part
  if (part.kind === 'yaml' && options.validateYaml && !options.validateYaml(part.yaml)) {
    frontMatter = {
      kind: 'read-only',
      raw: part.open + part.yaml + part.close,
      reason: 'yaml-error',
    }
  }
  return { bom, frontMatter, doc: toEditorDoc(body, dominantEol(text)) }
}

export function toEditorDoc(body: string, eol: '\n' | '\r\n' = dominantEol(body)): EditorDoc {
  const lines = splitLines(body)
  const references = collectReferences(lines)
  const { nodes, spans } = parseBlocks(lines, { references }, true)
  const leadLines = spans.length ? spans[0]![0] : lines.length
  const lead = lines
    .slice(0, leadLines)
    .map((line) => line.text + line.eol)
    .join('')
  for (const node of nodes) node.attrs = { ...node.attrs, fp: fingerprint(node) }
  return { type: 'doc', attrs: { lead, eol, references }, content: nodes }
}

export function frontMatterText(part: FrontMatterPart): string {
  if (part.kind === 'none') return ''
  if (part.kind === 'read-only') return part.raw
  return part.open + part.yaml + part.close
}

export function savePage(page: PageModel): string {
  return (page.bom ? '\uFEFF' : '') + frontMatterText(page.frontMatter) + serializeBody(page.doc)
}
