import { execFile, execFileSync, spawn } from 'node:child_process'
import http from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A real git host on loopback for tests: Debian git's `git http-backend`
 * behind a small CGI bridge, serving the bare repositories of a temp folder.
 * Reading is open; pushing needs HTTP basic auth with the test's user and
 * token (as on GitHub or Gitea). A fault makes the next responses fail the
 * way bad networks do: a status (401/403/404/500…), a response cut after N
 * bytes of its body, or no answer at all.
 */
export interface GitServerFault {
  /** Answer this status instead of serving (every request while the fault holds). */
  status?: number
  /** Cut the connection after this many bytes of a pack response (POST). */
  cutAfter?: number
  /** Never answer (for timeouts). */
  stall?: boolean
  /**
   * Send this many bytes of a pack response (POST), then hold the rest until the fault
   * changes: a transfer caught halfway, for the progress bar and « Annuler ».
   */
  holdAfter?: number
  /**
   * A far link: each request waits this long before it is served, as a round trip
   * on a satellite or busy mobile network does (300–600 ms). Answers come whole, late.
   */
  latencyMs?: number
}

export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** Folder holding the bare repositories. */
  readonly root: string
  /** URL of a repository (`name.git`). */
  url(name: string): string
  /** Path of a bare repository on disk. */
  bare(name: string): string
  /** A bare repository on the server, empty or a clone of `source` (a native repository). */
  create(name: string, source?: string): string
  /** Sets (or clears with null) the fault applied to the next requests. */
  fault(fault: GitServerFault | null): void
  /**
   * A renamed repository, as GitHub or GitLab answer for one: every request to
   * `name.git/…` gets a 301 to `to.git/…` (POSTs too, whose body a client would lose).
   */
  moved(name: string, to: string): void
  /** Number of requests served so far, and body bytes sent. */
  readonly stats: { requests: number; bytesSent: number }
  close(): Promise<void>
}

export interface GitServerOptions {
  user: string
  token: string
  /** A private guide: reading needs the user and token too (as a private repository on GitHub). */
  privateRead?: boolean
}

const gitEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
}

export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  // Its own temp folder, removed by close(): the benches use the server outside vitest.
  const root = await mkdtemp(path.join(os.tmpdir(), 'atelier-git-server-'))
  const execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim()
  const backend = path.join(execPath, 'git-http-backend')
  const expectedAuth = `Basic ${Buffer.from(`${options.user}:${options.token}`).toString('base64')}`
  let current: GitServerFault | null = null
  const stats = { requests: 0, bytesSent: 0 }
  const stalled = new Set<http.ServerResponse>()
  /** Responses held halfway by `holdAfter`, each let go when the fault changes. */
  const held = new Set<() => void>()
  const renamed = new Map<string, string>()

  const server = http.createServer((req, res) => {
    stats.requests += 1
    const fault = current
    if (fault?.latencyMs) setTimeout(() => serve(req, res, fault), fault.latencyMs)
    else serve(req, res, fault)
  })

  function serve(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    fault: GitServerFault | null,
  ) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const [, name, rest] = /^\/([^/]+)\.git(\/.*)?$/.exec(url.pathname) ?? []
    const movedTo = name ? renamed.get(name) : undefined
    if (movedTo) {
      req.resume()
      res.writeHead(301, { Location: `${origin}/${movedTo}.git${rest ?? ''}${url.search}` })
      res.end()
      return
    }
    if (fault?.stall) {
      stalled.add(res)
      return
    }
    if (fault?.status) {
      req.resume()
      res.writeHead(fault.status, {
        'Content-Type': 'text/plain',
        ...(fault.status === 401 ? { 'WWW-Authenticate': 'Basic realm="atelier"' } : {}),
      })
      res.end(`status ${fault.status}\n`)
      return
    }
    const pushing =
      url.pathname.endsWith('/git-receive-pack') ||
      url.searchParams.get('service') === 'git-receive-pack'
    const authorized = req.headers.authorization === expectedAuth
    if ((pushing || options.privateRead) && !authorized) {
      req.resume()
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="atelier"' })
      res.end('authentication required\n')
      return
    }
    const headerEnv: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value !== 'string') continue
      headerEnv[`HTTP_${name.toUpperCase().replace(/-/g, '_')}`] = value
    }
    const child = spawn(backend, [], {
      env: {
        ...process.env,
        ...gitEnv,
        ...headerEnv,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_ADDR: '127.0.0.1',
        ...(pushing ? { REMOTE_USER: options.user } : {}),
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    })
    req.pipe(child.stdin)
    child.stdin.on('error', () => undefined)
    const cutAfter = req.method === 'POST' ? fault?.cutAfter : undefined
    let holdAfter = req.method === 'POST' ? fault?.holdAfter : undefined
    let holding: Buffer[] | null = null
    let finished = false
    let head = Buffer.alloc(0)
    let headersSent = false
    let sent = 0
    child.stdout.on('data', (chunk: Buffer) => {
      if (res.destroyed) return
      let body = chunk
      if (!headersSent) {
        head = Buffer.concat([head, chunk])
        const end = head.indexOf('\r\n\r\n')
        const endLf = head.indexOf('\n\n')
        const at = end >= 0 ? end : endLf
        if (at < 0) return
        const lines = head.subarray(0, at).toString('latin1').split(/\r?\n/)
        body = head.subarray(at + (end >= 0 ? 4 : 2))
        let status = 200
        const headers: Record<string, string> = {}
        for (const line of lines) {
          const colon = line.indexOf(':')
          const name = line.slice(0, colon).trim()
          const value = line.slice(colon + 1).trim()
          if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0])
          else headers[name] = value
        }
        res.writeHead(status, headers)
        headersSent = true
      }
      if (cutAfter !== undefined && sent + body.length >= cutAfter) {
        const part = body.subarray(0, Math.max(0, cutAfter - sent))
        stats.bytesSent += part.length
        res.write(part, () => res.socket?.destroy())
        child.kill()
        return
      }
      if (holding) {
        holding.push(body)
        return
      }
      if (holdAfter !== undefined && sent + body.length >= holdAfter) {
        const part = body.subarray(0, Math.max(0, holdAfter - sent))
        holdAfter = undefined
        sent += part.length
        stats.bytesSent += part.length
        res.write(part)
        // The rest waits, in order, until the fault changes (whatever git still writes).
        const queue = [body.subarray(part.length)]
        holding = queue
        held.add(() => {
          holding = null
          for (const chunk of queue) {
            sent += chunk.length
            stats.bytesSent += chunk.length
            if (!res.destroyed) res.write(chunk)
          }
          if (finished && !res.destroyed && !res.writableEnded) res.end()
        })
        return
      }
      sent += body.length
      stats.bytesSent += body.length
      res.write(body)
    })
    child.on('close', () => {
      finished = true
      if (holding) return
      if (!res.destroyed && !res.writableEnded) {
        if (!headersSent) res.writeHead(500)
        res.end()
      }
    })
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  const bare = (name: string) => path.join(root, `${name}.git`)
  return {
    origin,
    root,
    stats,
    url: (name) => `${origin}/${name}.git`,
    bare,
    moved(name, to) {
      renamed.set(name, to)
    },
    create(name, source) {
      const target = bare(name)
      if (source) {
        execFileSync('git', ['clone', '-q', '--bare', source, target], {
          env: { ...process.env, ...gitEnv },
        })
      } else {
        execFileSync('git', ['init', '-q', '--bare', '-b', 'main', target], {
          env: { ...process.env, ...gitEnv },
        })
      }
      execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: target })
      return target
    },
    fault(fault) {
      current = fault
      for (const release of held) release()
      held.clear()
      if (!fault?.stall) {
        for (const res of stalled) res.socket?.destroy()
        stalled.clear()
      }
    },
    async close() {
      for (const release of held) release()
      held.clear()
      for (const res of stalled) res.socket?.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(root, { recursive: true, force: true })
    },
  }
}

const clientEnv = {
  ...gitEnv,
  GIT_AUTHOR_NAME: 'Native Git',
  GIT_AUTHOR_EMAIL: 'native@example.org',
  GIT_COMMITTER_NAME: 'Native Git',
  GIT_COMMITTER_EMAIL: 'native@example.org',
  // Never ask on a terminal: a refused push must fail, not wait.
  GIT_TERMINAL_PROMPT: '0',
}

/**
 * Native git run asynchronously: the server lives in the test's own process,
 * so a synchronous child would block the very loop that must answer it.
 */
export function nativeGit(dir: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd: dir, env: { ...process.env, ...clientEnv }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }))
        else resolve(stdout)
      },
    )
  })
}

/** Exit status of `nativeGit` (0 = success), without throwing. */
export async function nativeGitCode(dir: string, ...args: string[]): Promise<number> {
  try {
    await nativeGit(dir, ...args)
    return 0
  } catch (error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'number' ? code : 1
  }
}
