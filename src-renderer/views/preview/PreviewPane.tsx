import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { IconButton } from '../../ui/IconButton.js'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { isMac } from '../../commands/keybinding.js'
import { getActiveText, onActiveTextChanged } from '../../stores/active-editor.js'
import { attempt } from '../../ui/report-failure.js'
import {
  previewStore,
  reloadPreview,
  setAllowExternal,
  togglePreview,
} from '../../stores/preview-store.js'
import { useStore } from '../../stores/store.js'
import { activePage, openTab, tabsStore } from '../../stores/tabs-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { bridgeMessage, postToBridge } from './preview-bridge-messages.js'

/**
 * Typing stops this long before the preview asks for the page again: short,
 * since the new version is swapped into the frame in place (no reload).
 */
export const PREVIEW_DEBOUNCE_MS = 50
/** Typing without a pause still shows in the preview this often. */
const PREVIEW_MAX_WAIT_MS = 1000
/** A swap the frame does not answer (no bridge, a file) falls back to a reload. */
const RENDER_TIMEOUT_MS = 2000

interface Frame {
  id: number
  src: string
  /** The address's path in the preview (what the frame shows). */
  url: string
  /** The workspace page at that address (null: a file, or no page). */
  page: string | null
}

type Status = 'loading' | 'shown' | 'unpublished' | 'no-page' | 'failed'

/**
 * The page of the active tab as the site shows it, beside the editor. The
 * page comes from the preview's own origin, in a frame sandboxed with
 * `allow-scripts` only (an opaque origin: no form, no pop-up, no navigation of
 * the workbench, no reach into it), whose policy runs Atelier's bridge and
 * nothing of the page. While the user types, each version is posted to the
 * bridge, which swaps it in place (the scroll stays); another page, a click on
 * a link or a change to the site loads a second frame, shown once loaded, so
 * the page does not flash white.
 */
export function PreviewPane() {
  const { t } = useTranslation()
  const path = useStore(tabsStore, activePage)
  const reloads = useStore(previewStore, (state) => state.reloads)
  const allowExternal = useStore(previewStore, (state) => state.allowExternal)
  const title = useStore(
    workspaceStore,
    (state) => state.index?.pages.find((page) => page.path === path)?.title,
  )
  const changed = useStore(workspaceStore, (state) => state.lastChanged)
  // Our own saves are not reported as changes; another page's text may show in this one.
  const saved = useStore(workspaceStore, (state) => state.lastSaved)
  const [view, setView] = useState<{ frames: Frame[]; shown: number | null; status: Status }>({
    frames: [],
    shown: null,
    status: 'loading',
  })
  const nextId = useRef(0)
  const request = useRef(0)
  /** The draft main holds for each page (null: none), as last sent. */
  const drafts = useRef(new Map<string, string | null>())
  /** The frame elements, by frame id, to post to their bridge and know who posts. */
  const elements = useRef(new Map<number, HTMLIFrameElement>())
  /** Frames whose bridge said it is ready (it can swap a new version in). */
  const ready = useRef(new Set<number>())
  /** Where each frame was scrolled, as its bridge last said. */
  const scrolls = useRef(new Map<number, { x: number; y: number }>())
  /** The swap last posted and its fallback to a reload, should the frame not answer. */
  const pendingRender = useRef<{ id: number; timer: ReturnType<typeof setTimeout> } | null>(null)
  /** The view as last rendered, for message handlers and replies that arrive later. */
  const viewRef = useRef(view)
  useLayoutEffect(() => {
    viewRef.current = view
  }, [view])

  /** Loads an address in a second frame, shown once loaded (the one on screen stays meanwhile). */
  const load = useCallback((src: string, page: string | null) => {
    const frame = { id: ++nextId.current, src, url: new URL(src).pathname, page }
    setView((current) => ({
      frames: [...current.frames.filter((item) => item.id === current.shown), frame],
      shown: current.shown,
      status: current.status === 'shown' ? 'shown' : 'loading',
    }))
  }, [])

  /** Asks main for the page's address (sending the editor's text if it differs from the file). */
  const sync = useCallback(
    async (force: boolean) => {
      if (!path) return
      const source = getActiveText()
      let draft: string | null = null
      if (source?.path === path) {
        const current = source.current()
        draft = current === source.saved() ? null : current
      }
      const sent = drafts.current.get(path) ?? null
      if (!force && draft === sent) return
      const ticket = ++request.current
      const result: { src: string | null; html?: string | null } =
        draft === null && sent === null
          ? await api.call('preview.open', { path })
          : await api.call('preview.update', { path, text: draft })
      drafts.current.set(path, draft)
      if (ticket !== request.current) return
      if (result.src === null) {
        setView({ frames: [], shown: null, status: 'unpublished' })
        return
      }
      // Typing, and the frame on screen shows this page: swap the new version in place.
      const { frames, shown } = viewRef.current
      const onScreen = frames.find((frame) => frame.id === shown)
      const target = onScreen ? elements.current.get(onScreen.id)?.contentWindow : null
      if (
        !force &&
        typeof result.html === 'string' &&
        onScreen &&
        target &&
        frames.length === 1 &&
        ready.current.has(onScreen.id) &&
        onScreen.page === path
      ) {
        if (pendingRender.current) clearTimeout(pendingRender.current.timer)
        const id = ticket
        pendingRender.current = {
          id,
          timer: setTimeout(() => {
            if (pendingRender.current?.id === id) load(result.src!, path)
          }, RENDER_TIMEOUT_MS),
        }
        postToBridge(target, { type: 'render', html: result.html, id })
        return
      }
      load(result.src, path)
    },
    [path, load],
  )

  const run = useCallback(
    (force: boolean) =>
      void sync(force).catch((error: unknown) => {
        setView({ frames: [], shown: null, status: 'failed' })
        void attempt(() => Promise.reject(error))
      }),
    [sync],
  )

  // Another page, the external content toggled, « Actualiser »: load at once.
  useEffect(() => {
    if (path) run(true)
  }, [path, reloads, run])

  // Typing: the text is read and sent once typing pauses (and at least every second meanwhile).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let since: number | null = null
    const off = onActiveTextChanged((source) => {
      if (source.path !== path) return
      if (timer) clearTimeout(timer)
      since ??= Date.now()
      const wait = Date.now() - since >= PREVIEW_MAX_WAIT_MS ? 0 : PREVIEW_DEBOUNCE_MS
      timer = setTimeout(() => {
        since = null
        run(false)
      }, wait)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [path, run])

  // Layouts, includes, data or the page itself changed on disk (not by this editor): load again.
  useEffect(() => {
    if (!path || changed.at === 0) return
    const source = getActiveText()
    const onlyThisPage = changed.paths.every((item) => item === path)
    if (onlyThisPage && source?.path === path) return
    const timer = setTimeout(() => run(true), 150)
    return () => clearTimeout(timer)
  }, [changed, path, run])

  useEffect(() => {
    if (!path || saved.at === 0) return
    if (saved.path === path && getActiveText()?.path === path) return
    const timer = setTimeout(() => run(true), 150)
    return () => clearTimeout(timer)
  }, [saved, path, run])

  // What the bridges say: a frame is ready, was scrolled, swapped a version in (or could not),
  // or a link was clicked (followed here: the frame never navigates by itself).
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      let id: number | null = null
      for (const [frameId, element] of elements.current) {
        if (element.contentWindow !== null && element.contentWindow === event.source) id = frameId
      }
      const message = id === null ? null : bridgeMessage(event.data)
      if (id === null || !message) return
      const frame = viewRef.current.frames.find((item) => item.id === id)
      if (!frame) return
      switch (message.type) {
        case 'ready':
          ready.current.add(id)
          return
        case 'scroll':
          scrolls.current.set(id, { x: message.x, y: message.y })
          return
        case 'rendered':
        case 'stale':
          if (pendingRender.current?.id !== message.id) return
          clearTimeout(pendingRender.current.timer)
          pendingRender.current = null
          if (message.type === 'stale') run(true)
          return
        case 'link': {
          if (id !== viewRef.current.shown) return
          const edit = isMac ? message.metaKey : message.ctrlKey
          const src = new URL(message.href, frame.src).href
          // A version of the page still on its way no longer takes the frame back.
          const ticket = ++request.current
          void attempt(async () => {
            const page = await api.call('preview.pageAt', { url: message.href })
            if (ticket !== request.current) return
            // Ctrl+click (Cmd on macOS): the page opens in the editor, the preview follows.
            if (edit && page !== null && page !== path) openTab(page)
            else load(src, page)
          })
          return
        }
      }
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [path, load, run])

  // A swap still awaited for the page left behind never falls back to reloading it.
  useEffect(
    () => () => {
      if (pendingRender.current) clearTimeout(pendingRender.current.timer)
      pendingRender.current = null
    },
    [path],
  )

  // What is known of frames that are gone goes with them.
  useEffect(() => {
    const ids = new Set(view.frames.map((frame) => frame.id))
    for (const id of ready.current) if (!ids.has(id)) ready.current.delete(id)
    for (const id of scrolls.current.keys()) if (!ids.has(id)) scrolls.current.delete(id)
  }, [view.frames])

  // Leaving a page (or closing the pane): its draft is no longer shown anywhere.
  useEffect(() => {
    const map = drafts.current
    return () => {
      if (path && typeof map.get(path) === 'string') {
        map.set(path, null)
        void api.call('preview.update', { path, text: null }).catch(() => undefined)
      }
    }
  }, [path])

  const name = title ?? path?.split('/').pop() ?? ''
  const { frames, shown } = view
  const status: Status = path ? view.status : 'no-page'
  const loading = frames.some((frame) => frame.id !== shown)
  /** Another page of the workspace, reached by a link in the frame: « Modifier cette page ». */
  const otherPage = frames.find((frame) => frame.id === shown)?.page ?? null
  const editable = status === 'shown' && otherPage !== null && otherPage !== path ? otherPage : null

  return (
    <section className="preview-pane" aria-label={t('preview.paneLabel')}>
      <header className="preview-header">
        <span className="codicon codicon-open-preview" aria-hidden="true" />
        <h2 className="preview-title" title={path ?? undefined}>
          {path ? t('preview.titleOf', { page: name }) : t('preview.pane')}
        </h2>
        {editable && (
          <button
            type="button"
            className="button secondary preview-edit"
            title={t('preview.editThisTitle', { page: editable })}
            data-action="preview-edit"
            onClick={() => openTab(editable)}
          >
            <span className="codicon codicon-edit" aria-hidden="true" />
            {t('preview.editThis')}
          </button>
        )}
        <div className="view-actions">
          <IconButton
            icon="globe"
            label={t('preview.showExternal')}
            className={allowExternal ? 'checked' : undefined}
            aria-pressed={allowExternal}
            data-action="preview-external"
            onClick={() => void attempt(() => setAllowExternal(!allowExternal))}
          />
          <IconButton
            icon="refresh"
            label={t('preview.reload')}
            onClick={reloadPreview}
            disabled={!path}
          />
          <IconButton
            icon="close"
            label={t('preview.close')}
            onClick={() => togglePreview(false)}
          />
        </div>
      </header>
      <div className="preview-progress" hidden={!loading} role="presentation" />
      <div className="preview-body" aria-busy={loading}>
        {status === 'no-page' && <p className="preview-message">{t('preview.noPage')}</p>}
        {status === 'unpublished' && (
          <p className="preview-message" role="status">
            <span className="codicon codicon-eye-closed" aria-hidden="true" />{' '}
            {t('preview.unpublished')}
          </p>
        )}
        {status === 'failed' && (
          <p className="preview-message" role="alert">
            <span className="codicon codicon-warning" aria-hidden="true" />{' '}
            {t('preview.unavailable')}
          </p>
        )}
        {(status === 'loading' || status === 'shown') &&
          frames.map((frame) => (
            <iframe
              key={frame.id}
              ref={(element) => {
                if (element) elements.current.set(frame.id, element)
                else elements.current.delete(frame.id)
              }}
              className="preview-frame"
              src={frame.src}
              // Never `allow-same-origin`: the frame stays an opaque origin, away from the workbench.
              sandbox="allow-scripts"
              referrerPolicy="no-referrer"
              title={t('preview.frameTitle', { page: name })}
              data-shown={frame.id === shown ? 'true' : 'false'}
              data-url={frame.url}
              aria-hidden={frame.id === shown ? undefined : true}
              tabIndex={frame.id === shown ? 0 : -1}
              onLoad={(event) => {
                // The same page again (the site changed, « Actualiser »): back where the reader was.
                const previous = viewRef.current.frames.find(
                  (item) => item.id === viewRef.current.shown,
                )
                const scroll = previous ? scrolls.current.get(previous.id) : undefined
                const target = event.currentTarget.contentWindow
                if (previous && previous.id !== frame.id && previous.url === frame.url && scroll) {
                  if (target) postToBridge(target, { type: 'scroll', ...scroll })
                  scrolls.current.set(frame.id, scroll)
                }
                setView((current) =>
                  frame.id < (current.shown ?? 0)
                    ? current
                    : {
                        frames: current.frames.filter((item) => item.id >= frame.id),
                        shown: frame.id,
                        status: 'shown',
                      },
                )
              }}
            />
          ))}
      </div>
    </section>
  )
}
