import { SEARCH_RESULT_LIMIT } from '../../src-shared/api/search-types.js'
import { planPages, toPlan, writesFor } from '../search/replace.js'
import { searchPages } from '../search/query.js'
import type { Session } from '../session.js'
import type { Handler } from './handler.js'

/**
 * « Rechercher »: full-text search over the open folder's pages, and replacement across them
 * (planned, previewed, then written as one change over the versions previewed).
 */
export function createSearchHandlers(session: Session) {
  return {
    'search.query': (async ({ limit, ...options }) => {
      const pages = await session.requireFolder().search().pages()
      return searchPages(pages, options, limit ?? SEARCH_RESULT_LIMIT)
    }) satisfies Handler<'search.query'>,
    'search.replacePlan': (async ({ replacement, ...options }) => {
      const folder = session.requireFolder()
      const pages = await folder.search().pages()
      return toPlan(await planPages(folder.workspace.root, pages, options, replacement))
    }) satisfies Handler<'search.replacePlan'>,
    'search.replaceApply': (async ({ replacement, pages: expected, ...options }) => {
      const folder = session.requireFolder()
      const pages = await folder.search().pages()
      const planned = await planPages(folder.workspace.root, pages, options, replacement)
      // Paths from the call only pick among the pages planned now, found by the index's walk.
      const writes = writesFor(planned, expected)
      await folder.workspace.writePages(writes)
      const written = new Set(writes.map((write) => write.path))
      const matches = planned
        .filter((page) => written.has(page.plan.path))
        .reduce((sum, page) => sum + page.matches, 0)
      return { pages: writes.length, matches }
    }) satisfies Handler<'search.replaceApply'>,
  }
}
