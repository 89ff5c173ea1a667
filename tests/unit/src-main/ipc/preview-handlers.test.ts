import { describe, expect, it } from 'vitest'
import { dispatch as untypedDispatch } from '../../../../src-main/ipc/dispatch.js'
import type { HandlerTable } from '../../../../src-main/ipc/handler.js'
import type { CallOutput } from '../../../../src-shared/api/contract.js'
import type { CallName } from '../../../../src-shared/api/names.js'
import type { CallResult } from '../../../../src-shared/api/types.js'
import path from 'node:path'
import { createHandlers } from '../../../../src-main/ipc/handlers.js'
import { fakePlatform, openSession } from '../../../helpers/session.js'
import { writeSite } from '../../../helpers/site-fixture.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function dispatch<K extends CallName>(
  handlers: HandlerTable,
  name: K,
  input: unknown,
): Promise<CallResult<CallOutput<K>>> {
  return (await untypedDispatch(handlers, name, input)) as CallResult<CallOutput<K>>
}

/** A small site with a base URL, served as the test host serves it. */
async function previewSession(files: Record<string, string> = {}) {
  const root = await writeSite({
    '_config.yml':
      'baseurl: /guide\ncollections:\n  themes:\n    output: true\n  notes:\n    output: false\n',
    '_layouts/base.html':
      '<!DOCTYPE html><html><head><title>{{ page.title }}</title></head><body>{{ content }}</body></html>',
    '_themes/acces.md': '---\ntitle: Accès\nlayout: base\n---\nLe droit de savoir.\n',
    '_notes/idee.md': '---\ntitle: Idée\n---\nPour plus tard.\n',
    'contribuer.md': '---\ntitle: Contribuer\nlayout: base\n---\nÉcrire.\n',
    'style.css': 'p { margin: 0 }',
    ...files,
  })
  const opened = await openSession(root)
  opened.session.preview = { origin: 'http://127.0.0.1:9', frameAncestors: "'self'" }
  return opened
}

describe('preview.pageAt', () => {
  it('names the workspace page an address of the preview shows', async () => {
    const { handlers } = await previewSession()
    const at = (url: string) => dispatch(handlers, 'preview.pageAt', { url })
    expect(await at('/guide/themes/acces.html')).toEqual({ ok: true, value: '_themes/acces.md' })
    // The frame's query and a place in the page change nothing.
    expect(await at('/guide/contribuer.html?v=abc#ecrire')).toEqual({
      ok: true,
      value: 'contribuer.md',
    })
    // A file of the site, an address with no page, a page that is not published: no page.
    expect(await at('/guide/style.css')).toEqual({ ok: true, value: null })
    expect(await at('/guide/nulle-part/')).toEqual({ ok: true, value: null })
    expect(await at('/guide/notes/idee.html')).toEqual({ ok: true, value: null })
  })

  it('takes only a path of the preview', async () => {
    const { handlers } = await previewSession()
    for (const input of [
      { url: 'https://example.org/guide/contribuer.html' },
      { url: '//example.org/guide/contribuer.html' },
      { url: 'contribuer.html' },
      { url: '' },
      { url: '/guide/contribuer.html', path: 'contribuer.md' },
      {},
    ]) {
      const result = await dispatch(handlers, 'preview.pageAt', input)
      expect(result.ok ? result.value : result.error.code).toBe('invalid-input')
    }
  })

  it('needs a transport that serves the preview', async () => {
    const { handlers, session } = await previewSession()
    session.preview = null
    expect(await dispatch(handlers, 'preview.pageAt', { url: '/guide/contribuer.html' })).toEqual({
      ok: false,
      error: { code: 'unsupported', detail: 'preview' },
    })
  })
})

describe('preview.update', () => {
  it('gives the page’s address and its HTML with the draft, for a swap in the frame', async () => {
    const { handlers } = await previewSession()
    const result = await dispatch(handlers, 'preview.update', {
      path: '_themes/acces.md',
      text: '---\ntitle: Accès revu\nlayout: base\n---\nLe droit de savoir, revu.\n',
    })
    expect(result.ok).toBe(true)
    const value = result.ok ? result.value : null
    expect(value?.src).toMatch(/^http:\/\/127\.0\.0\.1:9\/themes\/acces\.html\?v=/)
    expect(value?.html).toBe(
      '<!DOCTYPE html><html><head><title>Accès revu</title></head><body><p>Le droit de savoir, revu.</p>\n</body></html>',
    )
    // Back to the file: the file's text.
    const back = await dispatch(handlers, 'preview.update', {
      path: '_themes/acces.md',
      text: null,
    })
    expect(back.ok && back.value.html).toContain('<p>Le droit de savoir.</p>')
  })

  it('gives neither for a page that is not published', async () => {
    const { handlers } = await previewSession()
    expect(
      await dispatch(handlers, 'preview.update', { path: '_notes/idee.md', text: 'Idée revue.' }),
    ).toEqual({ ok: true, value: { src: null, html: null } })
  })
})

describe('preview.openExported', () => {
  it('shows the folder the last export wrote, and no other', async () => {
    const { session } = await previewSession()
    const opened: string[] = []
    // Electron's shell cannot run here: the platform hook records what it was asked to show.
    const handlers = createHandlers(session, {
      ...fakePlatform,
      openFolder: async (folder) => {
        opened.push(folder)
        return true
      },
    })
    // Nothing exported yet: nothing to open.
    expect(await dispatch(handlers, 'preview.openExported', {})).toEqual({ ok: true, value: false })
    const destination = path.join(await tempDir('atelier-export-'), 'site')
    const report = await dispatch(handlers, 'preview.export', { destination, relative: true })
    expect(report.ok).toBe(true)
    expect(await dispatch(handlers, 'preview.openExported', {})).toEqual({ ok: true, value: true })
    expect(opened).toEqual([destination])
    // The call takes no folder: the renderer cannot make the system open anything else.
    expect((await dispatch(handlers, 'preview.openExported', { path: '/etc' })).ok).toBe(false)
  })

  it('answers false in the test host, which has no file manager', async () => {
    const { handlers } = await previewSession()
    const destination = path.join(await tempDir('atelier-export-'), 'site')
    expect((await dispatch(handlers, 'preview.export', { destination, relative: false })).ok).toBe(
      true,
    )
    expect(await dispatch(handlers, 'preview.openExported', {})).toEqual({ ok: true, value: false })
  })
})
