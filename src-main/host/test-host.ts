import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { REQUEST_BODY_LIMIT } from '../../src-shared/api/size-limits.js'
import { WORKBENCH_CSP } from '../security/content-security-policy.js'
import { dispatch } from '../ipc/dispatch.js'
import type { HandlerTable } from '../ipc/handler.js'
import type { Session } from '../session.js'
import { isWithin } from '../fs/safe-path.js'

export const TOKEN_HEADER = 'x-atelier-token'
const TOKEN_COOKIE = 'atelier-token'

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

export interface TestHost {
  url: string
  token: string
  /** The preview's origin, `http://<secret>.localhost:<port>`: its host name is its token. */
  previewOrigin: string
  close(): Promise<void>
}

/**
 * Serves the built renderer and the same handler table as the Electron app,
 * on 127.0.0.1 only, at a random port, behind a per-run token. The page gets
 * the token from its URL once and a same-site cookie after that.
 */
export async function startTestHost(options: {
  session: Session
  handlers: HandlerTable
  rendererDir: string
}): Promise<TestHost> {
  const token = randomBytes(24).toString('hex')
  // Not the API token: the preview's address is visible to the page content it shows.
  const previewSecret = randomBytes(16).toString('hex')
  const streams = new Set<ServerResponse>()

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'Erreur interne de l’hôte de test.'))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (!hasToken(request, url, token)) {
      send(response, 403, 'Accès refusé : jeton manquant ou incorrect.')
      return
    }
    if (url.pathname.startsWith('/api/call/') && request.method === 'POST') {
      const name = decodeURIComponent(url.pathname.slice('/api/call/'.length))
      const body = await readBody(request)
      if (body === null) {
        // Only a page text can make a call this large: the renderer shows why it was not saved.
        sendJson(response, { ok: false, error: { code: 'text-too-large' } })
        return
      }
      let input: unknown
      try {
        input = JSON.parse(body || '{}')
      } catch {
        sendJson(response, { ok: false, error: { code: 'invalid-input', detail: 'JSON' } })
        return
      }
      sendJson(response, await dispatch(options.handlers, name, input))
      return
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      response.write(': ok\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (url.pathname.startsWith('/workspace-media/') && request.method === 'GET') {
      // Images of the open workspace, for the editor (resolved inside the folder, images only).
      try {
        const relative = decodeURIComponent(url.pathname.slice('/workspace-media/'.length))
        const { bytes, type } = await options.session.requireWorkspace().readMedia(relative)
        response.writeHead(200, {
          'content-type': type,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        response.end(bytes)
      } catch {
        send(response, 404, 'Introuvable.')
      }
      return
    }
    if (request.method !== 'GET') {
      send(response, 405, 'Méthode refusée.')
      return
    }
    await serveStatic(url.pathname, response, url.searchParams.get('token') === token)
  }

  async function serveStatic(
    pathname: string,
    response: ServerResponse,
    setCookie: boolean,
  ): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1)
    const file = path.resolve(options.rendererDir, relative)
    if (!isWithin(options.rendererDir, file)) {
      send(response, 404, 'Introuvable.')
      return
    }
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      send(response, 404, 'Introuvable.')
      return
    }
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': WORKBENCH_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    }
    if (setCookie) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`
    }
    response.writeHead(200, headers)
    response.end(body)
  }

  const unsubscribe = options.session.subscribe((name, payload) => {
    const line = `data: ${JSON.stringify({ name, payload })}\n\n`
    for (const stream of streams) stream.write(line)
  })

  // The preview has its own origin (another port), as the app's own scheme does in Electron:
  // the page content it shows can never reach the workbench's calls.
  const previewServer = createServer((request, response) => {
    servePreview(request, response).catch(() => send(response, 500, 'Erreur interne de l’aperçu.'))
  })
  async function servePreview(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    // The token is the preview origin's host name, `<secret>.localhost` (browsers resolve any
    // `*.localhost` to loopback): every request — the page, and the stylesheet, fonts and
    // images its `sandbox` frame asks for from an opaque origin without cookies — carries it,
    // so a request without it, whatever its kind, is refused. This also rules out DNS rebinding.
    if (!sameSecret(request.headers.host?.toLowerCase() ?? '', previewHost())) {
      send(response, 403, 'Accès refusé : jeton manquant ou incorrect.')
      return
    }
    const folder = options.session.currentFolder()
    if (!folder || !options.session.preview || request.method !== 'GET') {
      send(response, 404, 'Introuvable.')
      return
    }
    const result = await folder.preview(options.session.preview.frameAncestors).serve(url.pathname)
    response.writeHead(result.status, result.headers)
    response.end(result.body)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => previewServer.listen(0, '127.0.0.1', resolve))
  const previewHost = () =>
    `${previewSecret}.localhost:${(previewServer.address() as AddressInfo).port}`
  const { port } = server.address() as AddressInfo
  options.session.preview = {
    origin: `http://${previewHost()}`,
    frameAncestors: `http://127.0.0.1:${port}`,
  }
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    previewOrigin: `http://${previewHost()}`,
    close: async () => {
      unsubscribe()
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      previewServer.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await new Promise<void>((resolve) => previewServer.close(() => resolve()))
    },
  }
}

function hasToken(request: IncomingMessage, url: URL, token: string): boolean {
  const offered =
    headerValue(request.headers[TOKEN_HEADER]) ??
    url.searchParams.get('token') ??
    cookieValue(request.headers.cookie, TOKEN_COOKIE)
  return offered !== null && sameSecret(offered, token)
}

function sameSecret(offered: string, expected: string): boolean {
  return (
    offered.length === expected.length &&
    timingSafeEqual(Buffer.from(offered), Buffer.from(expected))
  )
}

function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

/**
 * The request body, or null past `REQUEST_BODY_LIMIT` (the rest is read and dropped, so
 * the browser gets the answer rather than a connection cut while it still sends).
 */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size <= REQUEST_BODY_LIMIT) chunks.push(chunk as Buffer)
    else chunks.length = 0
  }
  return size > REQUEST_BODY_LIMIT ? null : Buffer.concat(chunks).toString('utf8')
}

function send(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.end()
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(text)
}

function sendJson(response: ServerResponse, value: unknown): void {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  response.end(JSON.stringify(value))
}
