import { spawn } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestHost, type TestHost } from '../../../../src-main/host/test-host.js'
import { PAGE_TEXT_LIMIT, REQUEST_BODY_LIMIT } from '../../../../src-shared/api/size-limits.js'
import type { CallResult } from '../../../../src-shared/api/types.js'
import { catalogues } from '../../../../src-shared/i18n/catalogues.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

let host: TestHost | null = null
afterEach(async () => {
  await host?.close()
  host = null
})

async function start() {
  const root = await writeSite({
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    '_themes/a.md': page('title: A'),
  })
  const rendererDir = await tempDir('atelier-renderer-')
  await mkdir(path.join(rendererDir, 'assets'))
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Atelier</title>')
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const { session, handlers } = await openSession(root)
  host = await startTestHost({ session, handlers, rendererDir })
  const base = new URL(host.url).origin
  return { host, base, session }
}

/** A GET to the preview port, with the given Host and headers (fetch cannot set Host). */
function previewGet(
  port: string,
  pathname: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('test host', () => {
  it('listens on 127.0.0.1 at a random port with a per-run token in its URL', async () => {
    const { host: first } = await start()
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
  })

  it('refuses every request without the token', async () => {
    const { base } = await start()
    expect((await fetch(`${base}/`)).status).toBe(403)
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(403)
    const call = await fetch(`${base}/api/call/pages.index`, { method: 'POST', body: '{}' })
    expect(call.status).toBe(403)
    const wrong = await fetch(`${base}/api/call/pages.index`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-atelier-token': 'f'.repeat(48) },
    })
    expect(wrong.status).toBe(403)
  })

  it('serves the renderer with the CSP and a cookie, then calls with the token', async () => {
    const { host: running, base } = await start()
    const index = await fetch(running.url)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    const cookie = index.headers.get('set-cookie') ?? ''
    expect(cookie).toContain('HttpOnly')
    const asset = await fetch(`${base}/assets/app.js`, {
      headers: { cookie: cookie.split(';')[0]! },
    })
    expect(asset.status).toBe(200)

    const result = await fetch(`${base}/api/call/pages.index`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-atelier-token': running.token },
    })
    expect(await result.json()).toMatchObject({ ok: true, value: { pages: [{ title: 'A' }] } })
  })

  it('refuses, through HTTP too, a path outside the workspace', async () => {
    const { host: running, base } = await start()
    const result = await fetch(`${base}/api/call/pages.read`, {
      method: 'POST',
      body: JSON.stringify({ path: '../../etc/passwd' }),
      headers: { 'x-atelier-token': running.token },
    })
    expect(await result.json()).toMatchObject({ ok: false, error: { code: 'outside-workspace' } })
  })

  it('saves a page over the old 1 MiB body limit, and refuses one past the contract’s limit with a French reason', async () => {
    const { host: running, base, session } = await start()
    const save = (text: string, version: string) =>
      fetch(`${base}/api/call/pages.save`, {
        method: 'POST',
        body: JSON.stringify({ path: '_themes/a.md', text, base: version }),
        headers: { 'x-atelier-token': running.token },
      }).then((response) => response.json() as Promise<CallResult<{ hash: string }>>)
    const workspace = session.requireWorkspace()
    // Accented text: each character is 2 bytes of UTF-8, so the body is twice the text's length.
    const large = `---\ntitle: A\n---\n${'é'.repeat(2 * 1024 * 1024)}\n`
    const saved = await save(large, (await workspace.readPage('_themes/a.md')).hash)
    expect(saved.ok).toBe(true)
    const onDisk = await workspace.readPage('_themes/a.md')
    expect(onDisk.text).toBe(large)

    const tooLong = `${'a'.repeat(PAGE_TEXT_LIMIT)}b`
    expect(await save(tooLong, onDisk.hash)).toMatchObject({
      ok: false,
      error: { code: 'text-too-large' },
    })
    // Past what any page text the contract accepts can take as JSON: refused before parsing.
    const tooLarge = '\u0001'.repeat(REQUEST_BODY_LIMIT / 6 + 1)
    expect(await save(tooLarge, onDisk.hash)).toEqual({
      ok: false,
      error: { code: 'text-too-large' },
    })
    expect((await workspace.readPage('_themes/a.md')).text).toBe(large)
    expect(catalogues.fr.errors['text-too-large']).toContain('5 Mo')
  }, 60_000)

  it('streams session events to the page', async () => {
    const { host: running, base, session } = await start()
    const response = await fetch(`${base}/api/events`, {
      headers: { 'x-atelier-token': running.token },
    })
    const reader = response.body!.getReader()
    await reader.read() // the opening comment
    session.emit('index.changed', { paths: ['_themes/a.md'] })
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toContain('"paths":["_themes/a.md"]')
    await reader.cancel()
  })
})

describe('npm run host', () => {
  it('prints exactly one line `Atelier host: <url>` on stdout', async () => {
    const root = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS })
    const dataDir = await tempDir()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/host/host-cli.ts', root, '--data-dir', dataDir],
      { cwd: path.resolve(import.meta.dirname, '../../../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) resolve(out)
      })
      child.on('exit', (code) => reject(new Error(`exited ${code}`)))
    })
    child.kill('SIGTERM')
    expect(line).toMatch(/^Atelier host: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+\n$/)
  }, 30_000)

  // The preview shows drafts: every request to its port needs the secret its origin is named
  // by, whatever the request says it is (fetch metadata is only a header, anyone can send it).
  it('refuses every kind of preview request without the token', async () => {
    const { host: running, session } = await start()
    const origin = new URL(running.previewOrigin)
    expect(running.previewOrigin).toMatch(/^http:\/\/[0-9a-f]{32}\.localhost:\d+$/)
    expect(session.preview?.origin).toBe(running.previewOrigin)
    const port = origin.port
    const withToken = await previewGet(port, '/themes/a.html', { host: origin.host })
    expect(withToken.status).toBe(200)
    expect(withToken.body).toContain('A')

    const cookie = `atelier-token=${running.token}`
    const kinds = ['document', 'iframe', 'style', 'font', 'image', 'script', 'empty', '']
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `${'0'.repeat(32)}.localhost:${port}`]
    for (const pathname of ['/themes/a', '/themes/a.html', '/_themes/a.md', '/_config.yml', '/']) {
      for (const host of hosts) {
        for (const dest of kinds) {
          const headers: Record<string, string> = { host, cookie, 'x-atelier-token': running.token }
          if (dest) headers['sec-fetch-dest'] = dest
          const answer = await previewGet(port, `${pathname}?token=${running.token}`, headers)
          expect({ pathname, host, dest, status: answer.status }).toEqual({
            pathname,
            host,
            dest,
            status: 403,
          })
          expect(answer.body).not.toContain('title: A')
        }
      }
    }
  })
})
