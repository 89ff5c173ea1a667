import { parseYamlDocument } from '../front-matter/yaml-gate.js'
import { splitFrontMatter } from '../front-matter/split-front-matter.js'
import { collectReferences, parseBlocks, type MarkdownInput } from './block-parser.js'
import { sealFingerprint, type EditorDoc } from './editor-document.js'
import { dominantEol, splitLines } from './lines.js'
import { serializeBody } from './to-markdown.js'

/**
 * A page as the editor holds it: the front matter's exact text (edited by
 * splicing, see `front-matter-edit.ts`), and the body as an editor document.
 * `openPage` then `savePage` with no edit gives back the same bytes. The
 * body's blocks are frozen: an edit replaces a block with a new node, as
 * ProseMirror does, and `savePage` writes a block it opened from its source
 * without fingerprinting it again.
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
  const webgen = WEBGEN.exec(rest)
  const split = splitFrontMatter(rest)
  if (split.kind === 'none') return { bom, frontMatter: { kind: 'none' }, body: rest }
  if (webgen && (split.kind === 'unclosed' || webgen.index < split.bodyStart)) {
    // webgen pages: YAML, then `--- name:…` sections that are not Jekyll front matter.
    const end = webgen.index + webgen[0].length
    const raw = rest.slice(0, end + /^(\r\n|\n|\r)?/.exec(rest.slice(end))![0].length)
    return {
      bom,
      frontMatter: { kind: 'read-only', raw, reason: 'webgen' },
      body: rest.slice(raw.length),
    }
  }
  if (split.kind === 'unclosed') {
    return { bom, frontMatter: { kind: 'read-only', raw: rest, reason: 'unclosed' }, body: '' }
  }
  const raw = split.open + split.yaml + split.close
  if (parseYamlDocument(split.yaml).errors.length > 0) {
    // Never rewritten: shown as source with a French message, the body stays editable.
    return {
      bom,
      frontMatter: { kind: 'read-only', raw, reason: 'yaml-error' },
      body: rest.slice(split.bodyStart),
    }
  }
  return {
    bom,
    frontMatter: { kind: 'yaml', open: split.open, yaml: split.yaml, close: split.close },
    body: rest.slice(split.bodyStart),
  }
}

export function openPage(
  text: string,
  options: {
    validateYaml?: (yaml: string) => boolean
    /** The site's `kramdown.input` (GFM when absent, as Jekyll): the editor reads the page as the site does. */
    input?: MarkdownInput
  } = {},
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
  return { bom, frontMatter, doc: toEditorDoc(body, dominantEol(text), options.input) }
}

export function toEditorDoc(
  body: string,
  eol: '\n' | '\r\n' = dominantEol(body),
  input: MarkdownInput = 'GFM',
): EditorDoc {
  const lines = splitLines(body)
  const references = collectReferences(lines)
  const { nodes, spans } = parseBlocks(lines, { references, input }, true)
  const leadLines = spans.length ? spans[0]![0] : lines.length
  const lead = lines
    .slice(0, leadLines)
    .map((line) => line.text + line.eol)
    .join('')
  // Each node has its `src` attributes object, made by the parser for it: set in place, then
  // the node is frozen (an edit replaces a block, as in ProseMirror; see `matchesFingerprint`).
  for (const node of nodes) sealFingerprint(node)
  // ProseMirror's document holds at least one block: a page with no body gets an empty
  // paragraph with no source, which is written as nothing (see `serializeBody`).
  if (nodes.length === 0) nodes.push({ type: 'paragraph' })
  return { type: 'doc', attrs: { lead, eol, references }, content: nodes }
}

export function frontMatterText(part: FrontMatterPart): string {
  if (part.kind === 'none') return ''
  if (part.kind === 'read-only') return part.raw
  return part.open + part.yaml + part.close
}

export function savePage(page: PageModel): string {
  const head = frontMatterText(page.frontMatter)
  const body = serializeBody(page.doc)
  return (page.bom ? '\uFEFF' : '') + head + closingLineBreak(head, body, page.doc.attrs.eol) + body
}

/**
 * A closing `---` (or `...`) at the very end of a file has no line break; a body
 * added after it (a paragraph appended to a front-matter-only page) must start on
 * its own line, or the fence becomes `---Texte` and Jekyll no longer sees front
 * matter. An unchanged page never needs one: its body is then empty.
 */
function closingLineBreak(head: string, body: string, eol: string): string {
  if (head === '' || body === '' || /(\r\n|\n|\r)$/.test(head)) return ''
  return eol
}
