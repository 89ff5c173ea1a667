import type { Protocol } from 'electron'
import type { Session } from '../session.js'

/** The editor shows workspace images through this scheme, never from the network. */
export const MEDIA_SCHEME = 'atelier-media'

export const mediaSchemePrivileges = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

/** `atelier-media://workspace/uploads/x.jpg` → that image of the open workspace, or 404. */
export function handleMediaProtocol(protocol: Protocol, session: Session): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    try {
      const relative = decodeURIComponent(new URL(request.url).pathname.replace(/^\/+/, ''))
      const { bytes, type } = await session.requireWorkspace().readMedia(relative)
      return new Response(new Uint8Array(bytes), { headers: { 'content-type': type } })
    } catch {
      return new Response('', { status: 404 })
    }
  })
}
