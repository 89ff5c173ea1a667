import type { SiteProblem } from '../../src-shared/api/types.js'
import type { PageReference } from '../links/page-references.js'
import { fileStem, resolveReference } from '../links/resolve-reference.js'
import { closest } from './closest.js'
import { referenceText, type CheckContext, type PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

/** Page and file extensions a link leads to as a page; any other extension names a file. */
const PAGE_EXTENSION = /(?:\.html?|\.md|\.markdown|\/|^[^.]*)$/i

/**
 * Links that lead nowhere: `{% link %}` and `{% post_url %}` (the build stops), Markdown and
 * HTML links and `relative_url` paths to no page (published broken), images and other files
 * the site does not have.
 */
export function checkLinks(context: CheckContext, page: PageUnderCheck): SiteProblem[] {
  const problems: SiteProblem[] = []
  for (const reference of page.references) {
    if (!applies(page, reference)) continue
    if (resolveReference(context.index, page.path, reference) !== null) continue
    const place = { path: page.path, line: reference.line, text: referenceText(page, reference) }
    const params = { target: reference.target }
    if (reference.kind === 'link-tag') {
      problems.push(
        siteProblem('link-tag', place, params, closest(reference.target, writtenPaths(context))),
      )
    } else if (reference.kind === 'post-url') {
      const posts = context.index.site.documents.filter((doc) => doc.kind === 'post')
      const names = posts.map((doc) => fileStem(doc.relativePath))
      problems.push(siteProblem('post-url', place, params, closest(reference.target, names)))
    } else if (isFile(reference)) {
      problems.push(siteProblem('missing-file', place, params))
    } else {
      const suggestion = closest(reference.target.replace(/^\/+/, ''), pageAddresses(context))
      problems.push(siteProblem('page-link', place, params, suggestion ? `/${suggestion}` : null))
    }
  }
  return problems
}

function applies(page: PageUnderCheck, reference: PageReference): boolean {
  switch (reference.kind) {
    case 'link-tag':
    case 'post-url':
    case 'relative-url':
      return page.liquid
    case 'markdown-link':
    case 'image':
      // A pure `#anchor` is the anchors' check; Markdown is only read in Markdown pages.
      return page.doc.markdown && reference.target !== ''
    case 'html-link':
      return reference.target !== ''
    default:
      return false
  }
}

function isFile(reference: PageReference): boolean {
  if (reference.kind === 'image') return true
  const name =
    reference.target
      .replace(/[?].*$/, '')
      .split('/')
      .pop() ?? ''
  return !PAGE_EXTENSION.test(name)
}

const addressCache = new WeakMap<CheckContext, string[]>()

/** Published page addresses, without their leading `/`, for a suggestion (once per site read). */
function pageAddresses(context: CheckContext): string[] {
  let addresses = addressCache.get(context)
  if (!addresses) {
    addresses = context.index.site.documents.flatMap((doc) =>
      doc.output === null ? [] : [decodeURI(doc.url).replace(/^\/+/, '')],
    )
    addressCache.set(context, addresses)
  }
  return addresses
}

const writtenCache = new WeakMap<CheckContext, string[]>()

/** The paths `{% link %}` may name, for a suggestion (once per site read). */
function writtenPaths(context: CheckContext): string[] {
  let paths = writtenCache.get(context)
  if (!paths) {
    paths = [...context.index.written.keys()]
    writtenCache.set(context, paths)
  }
  return paths
}
