import type { Session } from '../session.js'
import type { Handler } from './handler.js'

/**
 * « Problèmes »: the whole guide's list as the background check last made it, and the open
 * page's as typed. The page's path passes the workspace's gate like any other.
 */
export function createChecksHandlers(session: Session) {
  return {
    'checks.list': (async () => {
      const checks = session.requireFolder().checks
      // Asked once the explorer has its list: the folder's watcher may start its crawl now.
      void session.startWatching()
      await checks.start()
      return checks.problems()
    }) satisfies Handler<'checks.list'>,
    'checks.page': (async ({ path, text }) => {
      const folder = session.requireFolder()
      const absolute = await folder.workspace.resolve(path)
      return folder.checks.checkText(folder.workspace.relativePath(absolute), text)
    }) satisfies Handler<'checks.page'>,
  }
}
