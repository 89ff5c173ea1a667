import type { Protocol } from 'electron'
import type { Session } from '../session.js'
import { APP_ORIGIN } from './renderer-protocol.js'

/** The live preview is served from its own origin, `atelier-preview://site/…`. */
export const PREVIEW_SCHEME = 'atelier-preview'
export const PREVIEW_ORIGIN = `${PREVIEW_SCHEME}://site`

export const previewSchemePrivileges = {
  scheme: PREVIEW_SCHEME,
  // CORS: the frame's fonts are fetched with it (from the frame's opaque origin).
  privileges: { standard: true, secure: true, corsEnabled: true },
}

/** Answers the preview frame with the open workspace's pages (rendered) and files. */
export function handlePreviewProtocol(
  protocol: Protocol,
  session: Session,
  workbenchOrigin: string = APP_ORIGIN,
): void {
  // Only the workbench may frame the preview.
  session.preview = { origin: PREVIEW_ORIGIN, frameAncestors: workbenchOrigin }
  protocol.handle(PREVIEW_SCHEME, async (request) => {
    const folder = session.currentFolder()
    if (!folder || !session.preview) return new Response('', { status: 404 })
    try {
      const result = await folder
        .preview(session.preview.frameAncestors)
        .serve(new URL(request.url).pathname)
      const body = typeof result.body === 'string' ? result.body : new Uint8Array(result.body)
      return new Response(body, { status: result.status, headers: result.headers })
    } catch {
      return new Response('', { status: 500 })
    }
  })
}
