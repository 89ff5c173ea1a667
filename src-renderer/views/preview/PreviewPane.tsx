import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { getActiveText, onActiveTextChanged } from '../../editor/active-editor.js'
import { attempt } from '../../shell/report-failure.js'
import {
  previewStore,
  reloadPreview,
  setAllowExternal,
  togglePreview,
} from '../../stores/preview-store.js'
import { useStore } from '../../stores/store.js'
import { activePage, tabsStore } from '../../stores/tabs-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'

/** Typing stops this long before the preview asks for the page again. */
export const PREVIEW_DEBOUNCE_MS = 120
/** Typing without a pause still shows in the preview this often. */
const PREVIEW_MAX_WAIT_MS = 1000

interface Frame {
  id: number
  src: string
}

type Status = 'loading' | 'shown' | 'unpublished' | 'no-page' | 'failed'

/**
 * The page of the active tab as the site shows it, beside the editor. The
 * page comes from the preview's own origin, in a frame that may run nothing
 * (`sandbox=""`): no script, no form, no pop-up, no navigation of the
 * workbench. Each new version loads in a second frame, shown once loaded, so
 * the page does not flash white while typing.
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
  const [view, setView] = useState<{ frames: Frame[]; shown: number | null; status: Status }>({
    frames: [],
    shown: null,
    status: 'loading',
  })
  const nextId = useRef(0)
  const request = useRef(0)
  /** The draft main holds for each page (null: none), as last sent. */
  const drafts = useRef(new Map<string, string | null>())

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
      const result =
        draft === null && sent === null
          ? await api.call('preview.open', { path })
          : await api.call('preview.update', { path, text: draft })
      drafts.current.set(path, draft)
      if (ticket !== request.current) return
      if (result.src === null) {
        setView({ frames: [], shown: null, status: 'unpublished' })
        return
      }
      const frame = { id: ++nextId.current, src: result.src }
      // The frame on screen stays until the new one has loaded.
      setView((current) => ({
        frames: [...current.frames.filter((item) => item.id === current.shown), frame],
        shown: current.shown,
        status: current.status === 'shown' ? 'shown' : 'loading',
      }))
    },
    [path],
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

  return (
    <section className="preview-pane" aria-label={t('preview.paneLabel')}>
      <header className="preview-header">
        <span className="codicon codicon-open-preview" aria-hidden="true" />
        <h2 className="preview-title" title={path ?? undefined}>
          {path ? t('preview.titleOf', { page: name }) : t('preview.pane')}
        </h2>
        <div className="view-actions">
          <button
            type="button"
            className={`icon-button${allowExternal ? ' checked' : ''}`}
            aria-pressed={allowExternal}
            aria-label={t('preview.showExternal')}
            title={t('preview.showExternal')}
            data-action="preview-external"
            onClick={() => void attempt(() => setAllowExternal(!allowExternal))}
          >
            <span className="codicon codicon-globe" aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('preview.reload')}
            title={t('preview.reload')}
            onClick={reloadPreview}
            disabled={!path}
          >
            <span className="codicon codicon-refresh" aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('preview.close')}
            title={t('preview.close')}
            onClick={() => togglePreview(false)}
          >
            <span className="codicon codicon-close" aria-hidden="true" />
          </button>
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
              className="preview-frame"
              src={frame.src}
              sandbox=""
              referrerPolicy="no-referrer"
              title={t('preview.frameTitle', { page: name })}
              data-shown={frame.id === shown ? 'true' : 'false'}
              aria-hidden={frame.id === shown ? undefined : true}
              tabIndex={frame.id === shown ? 0 : -1}
              onLoad={() =>
                setView((current) =>
                  frame.id < (current.shown ?? 0)
                    ? current
                    : {
                        frames: current.frames.filter((item) => item.id >= frame.id),
                        shown: frame.id,
                        status: 'shown',
                      },
                )
              }
            />
          ))}
      </div>
    </section>
  )
}
