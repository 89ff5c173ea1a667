import type { Session } from '../session.js'
import { findBacklinks } from '../rename/backlinks.js'
import { linkIndexOf } from '../rename/link-index-cache.js'
import { applyRename, planWorkspaceRename, previewOf } from '../rename/rename-apply.js'
import type { Handler } from './handler.js'

/**
 * Renames that carry their links, and « Pages qui mènent ici ». Every page path passes the
 * workspace's gate before the site is read.
 */
export function createRenameHandlers(session: Session) {
  const checked = async (file: string) => {
    const workspace = session.requireWorkspace()
    return { workspace, page: workspace.relativePath(await workspace.resolve(file)) }
  }
  /** A move's folder, through the same gate (`''`: the site's root). */
  const checkedFolder = async (folder: string | undefined) => {
    if (folder === undefined) return undefined
    const workspace = session.requireWorkspace()
    return workspace.relativePath(await workspace.resolve(folder === '' ? '.' : folder))
  }
  return {
    'rename.plan': (async ({ path, title, folder }) => {
      const { workspace, page } = await checked(path)
      const into = await checkedFolder(folder)
      return previewOf(await planWorkspaceRename(workspace, page, title, { folder: into }))
    }) satisfies Handler<'rename.plan'>,
    'rename.apply': (async ({ path, title, bases, folder }) => {
      const { workspace, page } = await checked(path)
      return applyRename(workspace, page, title, bases, await checkedFolder(folder))
    }) satisfies Handler<'rename.apply'>,
    'links.backlinks': (async ({ path }) => {
      const { workspace, page } = await checked(path)
      const types = await workspace.contentTypes()
      const titles = new Map(
        (await workspace.pages()).pages.map((entry) => [entry.path, entry.title]),
      )
      return findBacklinks(
        workspace.root,
        page,
        types?.ok ? types.value : null,
        titles,
        await linkIndexOf(workspace),
      )
    }) satisfies Handler<'links.backlinks'>,
  }
}
