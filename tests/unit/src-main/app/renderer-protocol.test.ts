import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { serveRendererFile, workbenchPrefix } from '../../../../src-main/app/renderer-protocol.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function builtRenderer() {
  const root = await tempDir('atelier-app-scheme-')
  const renderer = path.join(root, 'renderer')
  await mkdir(path.join(renderer, 'assets'), { recursive: true })
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Atelier</title>')
  await writeFile(path.join(renderer, 'assets', 'index.js'), 'console.log(1)')
  // A secret beside the renderer folder, and one with a name that starts like it.
  await writeFile(path.join(root, 'secret.txt'), 'secret')
  await mkdir(path.join(root, 'renderer-other'))
  await writeFile(path.join(root, 'renderer-other', 'secret.txt'), 'secret')
  return renderer
}

describe('app:// scheme (the workbench)', () => {
  it('serves the built renderer with the workbench CSP', async () => {
    const renderer = await builtRenderer()
    const index = await serveRendererFile(renderer, 'app://atelier/index.html')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toMatch(/^text\/html/)
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/)
    expect(await index.text()).toContain('<title>Atelier</title>')
    expect((await serveRendererFile(renderer, 'app://atelier/')).status).toBe(200)
    const script = await serveRendererFile(renderer, 'app://atelier/assets/index.js')
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it('refuses every path that leaves the renderer folder, and other hosts', async () => {
    const renderer = await builtRenderer()
    for (const url of [
      'app://atelier/../secret.txt',
      'app://atelier/%2e%2e/secret.txt',
      'app://atelier/%2E%2E%2Fsecret.txt',
      'app://atelier/assets/%2e%2e/%2e%2e/secret.txt',
      'app://atelier/..%5csecret.txt',
      'app://atelier/%2e%2e/renderer-other/secret.txt',
      `app://atelier/${encodeURIComponent(path.join(path.dirname(renderer), 'secret.txt'))}`,
      'app://atelier/index.html%00.js',
      'app://other/index.html',
      'app://atelier.example.org/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await serveRendererFile(renderer, url)
      expect({ url, status: response.status }).toEqual({ url, status: 404 })
      expect(await response.text()).not.toContain('secret')
    }
  })

  it('names the prefix every workbench address starts with', () => {
    expect(workbenchPrefix('app://atelier/index.html')).toBe('app://atelier/')
    expect(workbenchPrefix('http://localhost:5173/')).toBe('http://localhost:5173/')
    expect(workbenchPrefix('http://localhost:5173')).toBe('http://localhost:5173/')
  })
})
