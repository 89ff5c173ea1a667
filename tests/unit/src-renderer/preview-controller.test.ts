import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActiveText } from '../../../src-renderer/stores/active-editor.js'
import {
  PREVIEW_DEBOUNCE_MS,
  PREVIEW_MAX_WAIT_MS,
  PreviewController,
  RENDER_TIMEOUT_MS,
  SITE_CHANGE_DELAY_MS,
  type PreviewAnswer,
} from '../../../src-renderer/views/preview/preview-controller.js'

const ORIGIN = 'http://0123.localhost:4000'
const TAG = 'atelier-preview'

/** An answer main has not given yet: the test decides when, and in which order. */
interface Pending<T> {
  resolve(value: T): void
  reject(error: unknown): void
}

/**
 * The workbench around the controller: main's answers come when the test
 * resolves them, the editor's text is whatever the test typed, and each frame
 * is a window that records what the controller posts to it.
 */
function harness(options: { isMac?: boolean } = {}) {
  const calls: { name: string; args: unknown[]; answer: Pending<never> }[] = []
  const call = <T>(name: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ name, args, answer: { resolve: resolve as (value: never) => void, reject } })
    })
  let editor: ActiveText | null = null
  const opened: string[] = []
  const failures: unknown[] = []
  const controller = new PreviewController({
    open: (path) => call<PreviewAnswer>('open', path),
    update: (path, text) => call<PreviewAnswer>('update', path, text),
    pageAt: (url) => call<string | null>('pageAt', url),
    activeText: () => editor,
    openPage: (path) => opened.push(path),
    reportFailure: (error) => failures.push(error),
    isMac: options.isMac ?? false,
  })
  const windows = new Map<number, { posted: unknown[]; postMessage(message: unknown): void }>()
  const frames = () => controller.frames.view.get()
  return {
    controller,
    calls,
    opened,
    failures,
    frames,
    /** The last call to main, answered now. */
    async answer(value: unknown, index = calls.length - 1) {
      calls[index]!.answer.resolve(value as never)
      await vi.advanceTimersByTimeAsync(0)
    },
    /** The editor holds `current` for `path`, saved as `saved`. */
    edit(path: string, current: string, saved = 'saved text') {
      editor = { path, current: () => current, saved: () => saved }
    },
    /** React mounts every frame of the view (each gets a window) and the browser loads the last. */
    mountAndLoad(ready = true) {
      for (const frame of frames().frames) {
        if (windows.has(frame.id)) continue
        const window = {
          posted: [] as unknown[],
          postMessage(message: unknown) {
            this.posted.push(message)
          },
        }
        windows.set(frame.id, window)
        controller.frames.attach(frame.id, () => window)
      }
      const last = frames().frames.at(-1)!
      controller.frames.loaded(last.id)
      if (ready) controller.receive(windows.get(last.id), { [TAG]: true, type: 'ready', path: '/' })
      return last.id
    },
    window: (id: number) => windows.get(id)!,
    /** A message from the bridge of frame `id`. */
    fromFrame(id: number, message: Record<string, unknown>) {
      controller.receive(windows.get(id), { [TAG]: true, ...message })
    },
  }
}

/** A page shown in its frame, its bridge ready. */
async function shownPage(path = 'a.md', url = '/a/') {
  const h = harness()
  h.controller.show(path)
  await h.answer({ src: `${ORIGIN}${url}` })
  const id = h.mountAndLoad()
  return { ...h, id }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the preview controller', () => {
  it('loads the saved page at the address main gives, and shows the frame once it has loaded', async () => {
    const h = harness()
    h.controller.show('_themes/acces.md')
    expect(h.calls.map((c) => [c.name, ...c.args])).toEqual([['open', '_themes/acces.md']])
    await h.answer({ src: `${ORIGIN}/themes/acces/?v=1` })
    expect(h.frames()).toMatchObject({
      frames: [
        { src: `${ORIGIN}/themes/acces/?v=1`, url: '/themes/acces/', page: '_themes/acces.md' },
      ],
      shown: null,
      status: 'loading',
    })
    const id = h.mountAndLoad()
    expect(h.frames()).toMatchObject({ shown: id, status: 'shown' })
  })

  it('keeps the frame on screen while the next one loads, then drops it', async () => {
    const h = await shownPage()
    h.controller.show('b.md')
    await h.answer({ src: `${ORIGIN}/b/` })
    expect(h.frames().frames.map((f) => f.url)).toEqual(['/a/', '/b/'])
    expect(h.frames()).toMatchObject({ shown: h.id, status: 'shown' })
    const next = h.mountAndLoad()
    expect(h.frames().frames.map((f) => f.id)).toEqual([next])
  })

  it('drops an answer that a later request made stale', async () => {
    const h = harness()
    h.controller.show('a.md')
    h.controller.show('b.md')
    await h.answer({ src: `${ORIGIN}/b/` }, 1)
    await h.answer({ src: `${ORIGIN}/a/` }, 0)
    expect(h.frames().frames.map((f) => f.page)).toEqual(['b.md'])
  })

  it('says a page is not published, and reports a failure without a frame', async () => {
    const h = harness()
    h.controller.show('brouillon.md')
    await h.answer({ src: null })
    expect(h.frames()).toEqual({ frames: [], shown: null, status: 'unpublished' })
    h.controller.show('a.md')
    const error = new Error('refused')
    h.calls.at(-1)!.answer.reject(error)
    await vi.advanceTimersByTimeAsync(0)
    expect(h.frames()).toEqual({ frames: [], shown: null, status: 'failed' })
    expect(h.failures).toEqual([error])
  })

  it('sends the draft of the page being typed after a pause, and swaps it into the frame in place', async () => {
    const h = await shownPage()
    h.edit('a.md', 'draft 1')
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 1)
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 1)
    expect(h.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(h.calls.at(-1)!.args).toEqual(['a.md', 'draft 1'])
    await h.answer({ src: `${ORIGIN}/a/?draft`, html: '<p>draft 1</p>' })
    const posted = h.window(h.id).posted
    expect(posted).toEqual([
      { [TAG]: true, type: 'render', html: '<p>draft 1</p>', id: expect.any(Number) },
    ])
    expect(h.frames().frames).toHaveLength(1)
    // The bridge swapped it in: no reload follows (an answer to another swap changes nothing).
    const { id } = posted[0] as { id: number }
    h.fromFrame(h.id, { type: 'rendered', id: id + 1 })
    h.fromFrame(h.id, { type: 'rendered', id })
    await vi.advanceTimersByTimeAsync(RENDER_TIMEOUT_MS)
    expect(h.frames().frames).toHaveLength(1)
  })

  it('keeps one draft on its way: text typed meanwhile goes once, the latest, when it is answered', async () => {
    const h = await shownPage()
    h.edit('a.md', 'draft 1')
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS)
    expect(h.calls).toHaveLength(2)
    // A slow render: two more pauses in typing while main works on the first draft.
    for (const text of ['draft 2', 'draft 3']) {
      h.edit('a.md', text)
      h.controller.textChanged('a.md')
      await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS)
    }
    expect(h.calls).toHaveLength(2)
    await h.answer({ src: `${ORIGIN}/a/?1`, html: '<p>1</p>' })
    expect(h.calls).toHaveLength(3)
    expect(h.calls.at(-1)!.args).toEqual(['a.md', 'draft 3'])
    await h.answer({ src: `${ORIGIN}/a/?3`, html: '<p>3</p>' })
    expect(h.calls).toHaveLength(3)
  })

  it('reloads the frame when its bridge does not answer a swap, or says the version is stale', async () => {
    const h = await shownPage()
    h.edit('a.md', 'draft 1')
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS)
    await h.answer({ src: `${ORIGIN}/a/?1`, html: '<p>1</p>' })
    await vi.advanceTimersByTimeAsync(RENDER_TIMEOUT_MS - 1)
    expect(h.frames().frames).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(h.frames().frames.map((f) => f.src)).toEqual([`${ORIGIN}/a/`, `${ORIGIN}/a/?1`])

    const next = h.mountAndLoad()
    h.edit('a.md', 'draft 2')
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS)
    await h.answer({ src: `${ORIGIN}/a/?2`, html: '<p>2</p>' })
    const render = h.window(next).posted.at(-1) as { id: number }
    h.fromFrame(next, { type: 'stale', id: render.id })
    // A forced request: the same draft is sent again, and this time loads a frame.
    expect(h.calls.at(-1)!.args).toEqual(['a.md', 'draft 2'])
    await h.answer({ src: `${ORIGIN}/a/?3`, html: '<p>2</p>' })
    expect(h.frames().frames.map((f) => f.src)).toEqual([`${ORIGIN}/a/?1`, `${ORIGIN}/a/?3`])
  })

  it('sends nothing when the text is what main already has, and sends at least every second while typing', async () => {
    const h = await shownPage()
    h.edit('a.md', 'saved text')
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS)
    expect(h.calls).toHaveLength(1)

    h.edit('a.md', 'typing')
    const keys = Math.ceil(PREVIEW_MAX_WAIT_MS / (PREVIEW_DEBOUNCE_MS / 2)) + 2
    for (let key = 0; key < keys; key++) {
      h.controller.textChanged('a.md')
      await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS / 2)
    }
    expect(h.calls.map((c) => c.name)).toEqual(['open', 'update'])
  })

  it('ignores typing in another page', async () => {
    const h = await shownPage()
    h.edit('b.md', 'other')
    h.controller.textChanged('b.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_MAX_WAIT_MS)
    expect(h.calls).toHaveLength(1)
  })

  it('withdraws the draft of the page it leaves, and of the page shown when it stops', async () => {
    const h = await shownPage()
    h.edit('a.md', 'draft')
    h.controller.textChanged('a.md')
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS)
    await h.answer({ src: `${ORIGIN}/a/?d`, html: '<p>d</p>' })
    h.controller.show('b.md')
    expect(h.calls.slice(-2).map((c) => [c.name, ...c.args])).toEqual([
      ['update', 'a.md', null],
      ['open', 'b.md'],
    ])
    // The swap awaited for the page left behind never reloads it.
    await h.answer({ src: `${ORIGIN}/b/` })
    await vi.advanceTimersByTimeAsync(RENDER_TIMEOUT_MS)
    expect(h.frames().frames.map((f) => f.page)).toEqual(['a.md', 'b.md'])

    h.edit('b.md', 'draft b')
    h.controller.show('b.md')
    h.controller.stop()
    expect(h.calls.at(-1)!.args).toEqual(['b.md', 'draft b'])
    await h.answer({ src: `${ORIGIN}/b/?d` })
    // Stopped: the answer of a request made before no longer loads anything…
    expect(h.frames().frames.map((f) => f.page)).toEqual(['a.md', 'b.md'])
    // …but main holds that draft now: showing the page again and leaving it withdraws it.
    h.controller.show('b.md')
    await h.answer({ src: `${ORIGIN}/b/?d` })
    h.controller.show(null)
    expect(h.calls.at(-1)!.args).toEqual(['b.md', null])
  })

  it('reloads after files change on disk, except the page this editor has open alone', async () => {
    const h = await shownPage()
    h.edit('a.md', 'saved text')
    h.controller.siteChanged(['a.md'])
    await vi.advanceTimersByTimeAsync(SITE_CHANGE_DELAY_MS)
    expect(h.calls).toHaveLength(1)
    h.controller.siteChanged(['_layouts/page.html'])
    h.controller.siteChanged(['_data/pays.yml'])
    await vi.advanceTimersByTimeAsync(SITE_CHANGE_DELAY_MS - 1)
    expect(h.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(h.calls.map((c) => [c.name, ...c.args])).toEqual([
      ['open', 'a.md'],
      ['open', 'a.md'],
    ])
  })

  it('brings a reloaded page back to where the reader had scrolled', async () => {
    const h = await shownPage()
    h.fromFrame(h.id, { type: 'scroll', x: 0, y: 640 })
    h.controller.show('a.md')
    await h.answer({ src: `${ORIGIN}/a/` })
    const next = h.mountAndLoad(false)
    expect(h.window(next).posted).toEqual([{ [TAG]: true, type: 'scroll', x: 0, y: 640 }])
  })

  it('follows a link in the frame to the page at that address', async () => {
    const h = await shownPage()
    h.fromFrame(h.id, { type: 'link', href: '/b/#section', ctrlKey: false, metaKey: false })
    expect(h.calls.at(-1)!.args).toEqual(['/b/#section'])
    await h.answer('b.md')
    expect(h.frames().frames.at(-1)).toMatchObject({ src: `${ORIGIN}/b/#section`, page: 'b.md' })
    expect(h.opened).toEqual([])
  })

  it('opens a linked page in the editor on Ctrl+click (Cmd on macOS)', async () => {
    const h = await shownPage()
    h.fromFrame(h.id, { type: 'link', href: '/b/', ctrlKey: true, metaKey: false })
    await h.answer('b.md')
    expect(h.opened).toEqual(['b.md'])
    expect(h.frames().frames).toHaveLength(1)

    const mac = harness({ isMac: true })
    mac.controller.show('a.md')
    await mac.answer({ src: `${ORIGIN}/a/` })
    const id = mac.mountAndLoad()
    mac.fromFrame(id, { type: 'link', href: '/b/', ctrlKey: true, metaKey: false })
    await mac.answer('b.md')
    expect(mac.opened).toEqual([])
    mac.fromFrame(id, { type: 'link', href: '/b/', ctrlKey: false, metaKey: true })
    await mac.answer('b.md')
    expect(mac.opened).toEqual(['b.md'])
  })

  it('takes no order from a frame not on screen, from another window, or off the preview', async () => {
    const h = await shownPage()
    h.controller.show('b.md')
    await h.answer({ src: `${ORIGIN}/b/` })
    const behind = h.frames().frames.at(-1)!.id
    const window = { postMessage: () => undefined }
    h.controller.frames.attach(behind, () => window)
    const link = { [TAG]: true, type: 'link', href: '/c/', ctrlKey: false, metaKey: false }
    h.controller.receive(window, link)
    h.controller.receive({}, link)
    h.controller.receive(null, link)
    h.fromFrame(h.id, { ...link, href: '//example.org/' })
    h.fromFrame(h.id, { ...link, href: 'https://example.org/' })
    h.fromFrame(h.id, { ...link, [TAG]: false })
    expect(h.calls.map((c) => c.name)).toEqual(['open', 'open'])
    // The frame on screen, with a path in the preview: followed.
    h.fromFrame(h.id, link)
    expect(h.calls.map((c) => c.name)).toEqual(['open', 'open', 'pageAt'])
  })

  it('reports a failed link without losing the page on screen', async () => {
    const h = await shownPage()
    h.fromFrame(h.id, { type: 'link', href: '/b/', ctrlKey: false, metaKey: false })
    const error = new Error('no index')
    h.calls.at(-1)!.answer.reject(error)
    await vi.advanceTimersByTimeAsync(0)
    expect(h.failures).toEqual([error])
    expect(h.frames()).toMatchObject({ shown: h.id, status: 'shown' })
  })
})
