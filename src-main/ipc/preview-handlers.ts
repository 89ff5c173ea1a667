import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { buildSite } from '../preview/build-site.js'
import type { PreviewService } from '../preview/preview-service.js'
import type { Session } from '../session.js'
import { isInsideFolder } from '../fs/safe-path.js'
import type { Handler } from './handler.js'
import type { PlatformHooks } from './platform-hooks.js'

/**
 * The preview calls: a page's address in the preview, live drafts (with the page's HTML for
 * the frame), the page at an address, external content, export.
 */
export function createPreviewHandlers(
  session: Session,
  platform: Pick<PlatformHooks, 'openFolder'>,
) {
  /**
   * The folder the last export wrote: « Ouvrir le dossier » opens only this one, so the
   * renderer never names a path for the system to open (an executable, a document).
   */
  let exported: string | null = null
  const service = (): { preview: PreviewService; origin: string } => {
    const folder = session.requireFolder()
    if (!session.preview) throw new AtelierError('unsupported', 'preview')
    folder.preview(session.preview.frameAncestors).language = session.settings.get().language
    return {
      preview: folder.preview(session.preview.frameAncestors),
      origin: session.preview.origin,
    }
  }
  /** The workspace's gate: the preview names pages by their checked, normalised path. */
  const checked = async (file: string) => {
    const workspace = session.requireWorkspace()
    return workspace.relativePath(await workspace.resolve(file))
  }
  const src = async (preview: PreviewService, origin: string, file: string) => {
    const url = await preview.urlOf(file)
    // A changing query makes the frame load again; the preview server ignores it.
    return { src: url === null ? null : `${origin}${url}?v=${Date.now().toString(36)}` }
  }
  return {
    'preview.open': (async ({ path: file }) => {
      const { preview, origin } = service()
      return src(preview, origin, await checked(file))
    }) satisfies Handler<'preview.open'>,
    'preview.update': (async ({ path: requested, text }) => {
      const { preview, origin } = service()
      const file = await checked(requested)
      preview.setDraft(file, text)
      const [address, html] = await Promise.all([
        src(preview, origin, file),
        preview.pageHtml(file),
      ])
      return { ...address, html }
    }) satisfies Handler<'preview.update'>,
    'preview.pageAt': (async ({ url }) => {
      const { preview } = service()
      // Only the path: the frame's query (`?v=…`) and a place in the page change nothing.
      return preview.pageAt(new URL(url, 'http://preview.invalid').pathname)
    }) satisfies Handler<'preview.pageAt'>,
    'preview.allowExternal': (async ({ allow }) => {
      service().preview.allowExternal = allow
      return allow
    }) satisfies Handler<'preview.allowExternal'>,
    'preview.export': (async ({ destination, relative }) => {
      const workspace = session.requireWorkspace()
      const target = path.resolve(destination)
      // Never write into the workspace itself (it would export into its own pages).
      if (await isInsideFolder(workspace.root, target)) {
        throw new AtelierError('export-inside-workspace', target)
      }
      const report = await buildSite(workspace.root, target, {
        relative,
        onProgress: (done, total) => session.emit('preview.progress', { done, total }),
      })
      exported = target
      return {
        destination: target,
        pages: report.pages,
        files: report.staticFiles,
        problems: report.problems,
      }
    }) satisfies Handler<'preview.export'>,
    'preview.openExported': (async () =>
      exported !== null && platform.openFolder(exported)) satisfies Handler<'preview.openExported'>,
  }
}
