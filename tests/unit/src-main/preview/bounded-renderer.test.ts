import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { BoundedRenderer } from '../../../../src-main/preview/bounded-renderer.js'
import { PreviewService } from '../../../../src-main/preview/preview-service.js'
import { readSite } from '../../../../src-main/preview/read-site.js'
import { openSession } from '../../../helpers/session.js'
import { writeSite } from '../../../helpers/site-fixture.js'

const ENDLESS = '{% for i in (1..100000000) %}{{ i }}{% endfor %}'
const NESTED = '{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}'

/** Records the order in which promises settle: the signal the ordering tests assert on. */
function recorder() {
  const order: string[] = []
  const track = <T>(name: string, promise: Promise<T>): Promise<T> =>
    promise.then((value) => {
      order.push(name)
      return value
    })
  return { order, track }
}

describe('a hostile page renders bounded, off the main thread', { timeout: 60_000 }, () => {
  it('cuts an endless Liquid loop with a French page, while a save meanwhile reaches the disk', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      'boucle.md': `---\ntitle: Boucle\n---\n${ENDLESS}\n`,
      'autre.md': '---\ntitle: Autre\n---\nTexte.\n',
    })
    const { session, handlers } = await openSession(root)
    session.preview = { origin: 'http://127.0.0.1:9', frameAncestors: "'self'" }
    const { hash: base } = await session.requireWorkspace().readPage('autre.md')
    const { order, track } = recorder()
    const hostile = track(
      'hostile',
      dispatch(handlers, 'preview.update', { path: 'boucle.md', text: `---\n---\n${NESTED}\n` }),
    )
    const saved = track(
      'save',
      dispatch(handlers, 'pages.save', {
        path: 'autre.md',
        text: '---\ntitle: Autre\n---\nNeuf.\n',
        base,
      }),
    )
    expect(await saved).toMatchObject({ ok: true })
    expect(await readFile(path.join(root, 'autre.md'), 'utf8')).toContain('Neuf.')
    const other = await track(
      'other',
      dispatch(handlers, 'preview.update', { path: 'autre.md', text: '---\n---\nVu.\n' }),
    )
    expect(other).toMatchObject({
      ok: true,
      value: { html: expect.stringContaining('<p>Vu.</p>') },
    })
    const result = await hostile
    expect(result).toMatchObject({ ok: true })
    const html = (result as { value: { html: string } }).value.html
    expect(html).toContain('Cette page est trop longue à afficher')
    expect(html).toMatch(/secondes/)
    // The save and the other page's preview did not wait for the hostile page.
    expect(order.indexOf('hostile')).toBe(2)
    // Back to the file: its range of a hundred million numbers is refused for its memory, at once.
    const preview = session.requireFolder().preview("'self'")
    preview.setDraft('boucle.md', null)
    const served = String((await preview.serve('/boucle.html')).body)
    expect(served).toContain('Cette page est trop longue à afficher')
    expect(served).toContain('mémoire')
    await session.close()
  })

  it('terminates a worker that runs past its time and serves the next pages from a fresh one', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      'boucle.md': `---\ntitle: Boucle\n---\n${NESTED}\n`,
      'autre.md': '---\ntitle: Autre\n---\n*Texte*.\n',
    })
    const site = await readSite(root)
    const page = (name: string) => site.documents.find((doc) => doc.relativePath === name)!
    // LiquidJS's own limits off: only the worker's clock can stop this page.
    const renderer = new BoundedRenderer({ timeMs: 1500, memoryMb: 256, liquid: false })
    try {
      await renderer.warm()
      const { order, track } = recorder()
      const hostile = track('hostile', renderer.render(site, page('boucle.md')))
      const other = track('other', renderer.render(site, page('autre.md'), false))
      expect(await other).toEqual({ ok: true, html: '<p><em>Texte</em>.</p>\n' })
      expect(await hostile).toMatchObject({ ok: false, overrun: 'time' })
      expect(order).toEqual(['other', 'hostile'])
      expect(await renderer.render(site, page('autre.md'), false)).toMatchObject({ ok: true })
      // And the preview says why, in French.
      const preview = new PreviewService(root, "'self'", renderer)
      const body = String((await preview.serve('/boucle.html')).body)
      expect(body).toContain(
        'Cette page est trop longue à afficher : sa fabrication a pris plus de 2 secondes',
      )
    } finally {
      await renderer.close()
    }
  })

  it('names memory when a page exhausts the worker’s heap', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      // A million paragraphs: millions of small objects, far past a 32 MB heap.
      'gros.md': `---\n---\n${'*a* b\n\n'.repeat(1_000_000)}`,
    })
    const site = await readSite(root)
    const renderer = new BoundedRenderer({ timeMs: 60_000, memoryMb: 32, liquid: false })
    try {
      expect(await renderer.render(site, site.documents[0]!)).toMatchObject({
        ok: false,
        overrun: 'memory',
      })
      // The page that follows gets a fresh worker.
      const small = { ...site.documents[0]!, body: 'Court.\n' }
      expect(await renderer.render(site, small, false)).toEqual({
        ok: true,
        html: '<p>Court.</p>\n',
      })
    } finally {
      await renderer.close()
    }
  })
})

describe('idle workers', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stops a second worker once it has waited idleMs for a page, and keeps the last one', async () => {
    const root = await writeSite({
      '_config.yml': 'title: Guide\n',
      'a.md': '---\ntitle: A\n---\n*Un*.\n',
      'b.md': '---\ntitle: B\n---\n*Deux*.\n',
    })
    const site = await readSite(root)
    const [a, b] = site.documents
    // The idle clock is faked; the workers and their messages are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const renderer = new BoundedRenderer(undefined, 2, 1000)
    try {
      // Two pages at once: a worker for each.
      const both = await Promise.all([
        renderer.render(site, a!, false),
        renderer.render(site, b!, false),
      ])
      expect(both).toEqual([
        { ok: true, html: '<p><em>Un</em>.</p>\n' },
        { ok: true, html: '<p><em>Deux</em>.</p>\n' },
      ])
      expect(renderer.workers).toBe(2)
      vi.advanceTimersByTime(999)
      expect(renderer.workers).toBe(2)
      vi.advanceTimersByTime(1)
      expect(renderer.workers).toBe(1)
      // The last one waits as long as it must: the next page finds it started.
      vi.advanceTimersByTime(60_000)
      expect(renderer.workers).toBe(1)
      expect(await renderer.render(site, b!, false)).toMatchObject({ ok: true })
      expect(renderer.workers).toBe(1)
    } finally {
      await renderer.close()
    }
  })
})
