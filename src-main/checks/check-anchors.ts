import type { SiteProblem } from '../../src-shared/api/types.js'
import { resolveReference } from '../links/resolve-reference.js'
import { type CheckContext, type PageUnderCheck } from './check-context.js'
import { headingIds } from './heading-ids.js'
import { siteProblem } from './site-problem.js'

/**
 * `#section` naming no heading of the page it leads to (a link to the page itself reads the
 * text being checked, so a heading just typed counts). Published, the link opens the page's top.
 */
export function checkAnchors(context: CheckContext, page: PageUnderCheck): SiteProblem[] {
  const problems: SiteProblem[] = []
  let ownIds: Set<string> | null = null
  for (const reference of page.references) {
    if (reference.anchor === undefined || reference.anchor === '') continue
    if (reference.kind !== 'markdown-link' && reference.kind !== 'html-link') continue
    if (reference.kind === 'markdown-link' && !page.doc.markdown) continue
    const target = resolveReference(context.index, page.path, reference)
    if (target === null) continue // The link itself is reported.
    let ids: Set<string>
    if (target === page.path) {
      ownIds ??= headingIds(page.read.body, page.doc.markdown, context.index.site.config.kramdown)
      ids = ownIds
    } else {
      const doc = context.index.documents.get(target)
      if (!doc) continue // A file: its anchors are not known.
      ids = context.headings.of(doc)
    }
    if (ids.has(decode(reference.anchor)) || ids.has(reference.anchor)) continue
    problems.push(
      siteProblem(
        'anchor',
        { path: page.path, line: reference.line, text: `#${reference.anchor}` },
        { anchor: reference.anchor, target: target === page.path ? page.path : target },
      ),
    )
  }
  return problems
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
