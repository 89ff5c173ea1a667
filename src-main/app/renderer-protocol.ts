import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Protocol } from 'electron'
import { WORKBENCH_CSP } from '../security/content-security-policy.js'
import { isWithin } from '../fs/safe-path.js'

/**
 * The built workbench is served from the app's own scheme, `app://atelier/…`, not from
 * `file://`: a page of this origin can read only the renderer's own files, never another
 * file of the disk, and the IPC bridge trusts this one origin.
 */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://atelier`

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  // Standard and secure: relative URLs, localStorage and module scripts (`crossorigin`, fetched
  // in CORS mode) behave as on https.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
}

/**
 * `app://atelier/index.html` → `app://atelier/`: the prefix every address of the workbench
 * starts with (`URL.origin` is `null` for a custom scheme, so it cannot be used).
 */
export function workbenchPrefix(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)
  if (!match) throw new Error(`not an absolute URL: ${url}`)
  return `${match[0]}/`
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/**
 * Answers `app://atelier/<path>` with that file of `rendererDir` (the workbench's CSP on
 * every answer), or 404: another host, an encoded `..` or a link leaving the folder.
 */
export function handleRendererProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request.url))
}

export async function serveRendererFile(rendererDir: string, url: string): Promise<Response> {
  const notFound = () => new Response('', { status: 404 })
  let relative: string
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'atelier') return notFound()
    relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html'
  } catch {
    return notFound()
  }
  if (relative.includes('\0') || relative.split(/[\\/]/).includes('..')) return notFound()
  const file = path.resolve(rendererDir, relative)
  if (!isWithin(rendererDir, file)) return notFound()
  try {
    const body = await readFile(file)
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': WORKBENCH_CSP,
        'x-content-type-options': 'nosniff',
      },
    })
  } catch {
    return notFound()
  }
}
