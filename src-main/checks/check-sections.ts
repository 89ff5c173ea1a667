import type { SiteProblem } from '../../src-shared/api/types.js'
import { typeForCollection } from '../../src-shared/content-types/lookup.js'
import type { CheckContext, PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

interface Heading {
  level: number
  text: string
  /** 0-based line in the text scanned. */
  line: number
}

/**
 * A section of the page's template (`## Contexte` in `_atelier.yml`'s `body:`) present in the
 * page with nothing under it before the next heading of its level: a warning, the page is
 * published with an empty section.
 */
export function checkSections(context: CheckContext, page: PageUnderCheck): SiteProblem[] {
  if (page.doc.collection === null) return []
  const type = typeForCollection(context.types, page.doc.collection)
  if (!type || type.body.trim() === '') return []
  const wanted = new Set(headingsOf(type.body.split('\n')).map((heading) => key(heading)))
  if (wanted.size === 0) return []
  const { body, bodyLine } = page.read
  const lines = body.split('\n')
  const headings = headingsOf(lines)
  const problems: SiteProblem[] = []
  headings.forEach((heading, at) => {
    if (!wanted.has(key(heading))) return
    const next = headings.slice(at + 1).find((other) => other.level <= heading.level)
    const inside = lines.slice(heading.line + 1, next ? next.line : lines.length)
    const hasSub = headings.some(
      (other) => other.line > heading.line && (!next || other.line < next.line),
    )
    if (hasSub || inside.some((line) => line.replace(/<!--[\s\S]*?-->/g, '').trim() !== '')) return
    problems.push(
      siteProblem(
        'empty-section',
        { path: page.path, line: bodyLine + heading.line, text: heading.text },
        { section: heading.text },
      ),
    )
  })
  return problems
}

function key(heading: Heading): string {
  return `${heading.level} ${heading.text.toLowerCase()}`
}

/** ATX headings outside fenced code. */
function headingsOf(lines: string[]): Heading[] {
  const headings: Heading[] = []
  let fence: string | null = null
  lines.forEach((raw, line) => {
    const text = raw.replace(/\r$/, '')
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)
    if (marker) {
      if (fence === null) fence = marker[1]![0]!
      else if (marker[1]![0] === fence) fence = null
      return
    }
    if (fence !== null) return
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text)
    if (heading) headings.push({ level: heading[1]!.length, text: heading[2]!.trim(), line })
  })
  return headings
}
