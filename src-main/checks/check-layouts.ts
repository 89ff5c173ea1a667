import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SiteProblem } from '../../src-shared/api/types.js'
import { findReferences } from '../links/page-references.js'
import type { SiteDocument } from '../preview/site-model.js'
import { readPageText } from '../site/front-matter.js'
import type { CheckContext, PageUnderCheck } from './check-context.js'
import { checkIncludes } from './check-includes.js'
import { checkLinks } from './check-links.js'
import { checkLiquid } from './check-liquid.js'

/**
 * The site's own layouts that some page is published through: Jekyll renders them for each
 * such page, so an include of nothing, a `{% link %}` to nothing or Liquid that does not parse
 * there stops the build as it would in a page. Only what a layout names by file is checked
 * (its addresses are followed from each page, not from the layout). The built-in theme's
 * layouts are Atelier's and are left out.
 */
export function checkLayouts(context: CheckContext): SiteProblem[] {
  const { site, files } = context.index
  const problems: SiteProblem[] = []
  for (const name of usedLayouts(context)) {
    const file = [...files].find((candidate) => candidate.startsWith(`_layouts/${name}.`))
    if (!file) continue
    let text: string
    try {
      text = readFileSync(path.join(site.root, file), 'utf8')
    } catch {
      continue
    }
    const byFile = findReferences(text).filter(
      (reference) =>
        reference.kind === 'include' ||
        reference.kind === 'link-tag' ||
        reference.kind === 'post-url',
    )
    const page: PageUnderCheck = {
      path: file,
      text,
      doc: layoutDocument(file),
      references: byFile,
      liquid: true,
      read: readPageText(text),
    }
    problems.push(
      ...checkLiquid(context, page),
      ...checkLinks(context, page),
      ...checkIncludes(context, page),
    )
  }
  return problems
}

/** The layouts pages are published through, each layout's own layout included. */
function usedLayouts(context: CheckContext): Set<string> {
  const used = new Set<string>()
  const follow = (name: unknown) => {
    for (let next = layoutName(name); next !== null && !used.has(next);) {
      used.add(next)
      next = layoutName(context.index.site.layouts.get(next)?.data.layout)
    }
  }
  for (const doc of context.index.site.documents) if (doc.output !== null) follow(doc.data.layout)
  return used
}

function layoutName(value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value === 'none' || value === 'null') return null
  return value.replace(/\.html$/, '')
}

/** What the checks need of a layout: HTML (no Markdown), no collection, not published itself. */
function layoutDocument(file: string): SiteDocument {
  return {
    kind: 'page',
    relativePath: file,
    collection: null,
    data: {},
    defaults: {},
    body: '',
    markdown: false,
    url: '',
    output: null,
    date: null,
  }
}
