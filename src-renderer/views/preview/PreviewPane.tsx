import { useEffect, useState } from 'react'
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
import { PreviewController, type PreviewPorts } from './preview-controller.js'
import type { PreviewStatus } from './preview-frames.js'

/** The workbench as the preview controller reaches it. */
const ports: PreviewPorts = {
  open: (path) => api.call('preview.open', { path }),
  update: (path, text) => api.call('preview.update', { path, text }),
  pageAt: (url) => api.call('preview.pageAt', { url }),
  activeText: getActiveText,
  openPage: openTab,
  reportFailure: (error) => void attempt(() => Promise.reject(error)),
  isMac,
}

/**
 * The page of the active tab as the site shows it, beside the editor. The
 * page comes from the preview's own origin, in a frame sandboxed with
 * `allow-scripts` only (an opaque origin: no form, no pop-up, no navigation of
 * the workbench, no reach into it), whose policy runs Atelier's bridge and
 * nothing of the page. What is loaded when, and what the bridge may ask, is
 * decided by `PreviewController`; this component draws its frames and wires
 * it to the stores, the editor and the window's messages.
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
  const [controller] = useState(() => new PreviewController(ports))
  const view = useStore(controller.frames.view, (state) => state)

  // Another page, the external content toggled, « Actualiser »: load at once.
  useEffect(() => controller.show(path), [controller, path, reloads])
  // Closing the pane: its draft is no longer shown anywhere.
  useEffect(() => () => controller.stop(), [controller])

  useEffect(
    () => onActiveTextChanged((source) => controller.textChanged(source.path)),
    [controller],
  )

  // Files changed on disk: load again once the burst is over. Also when the pane opens or shows
  // another page after a change: main may have read the site while the change was still being
  // written (a new file is created, then filled), so the page first shown can predate it.
  useEffect(() => {
    if (changed.at !== 0) controller.siteChanged(changed.paths)
  }, [controller, changed, path])
  useEffect(() => {
    if (saved.at !== 0) controller.siteChanged([saved.path])
  }, [controller, saved])

  useEffect(() => {
    const onMessage = (event: MessageEvent) => controller.receive(event.source, event.data)
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [controller])

  const name = title ?? path?.split('/').pop() ?? ''
  const { frames, shown } = view
  const status: PreviewStatus = path ? view.status : 'no-page'
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
              ref={(element) =>
                controller.frames.attach(frame.id, element && (() => element.contentWindow))
              }
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
              onLoad={() => controller.frames.loaded(frame.id)}
            />
          ))}
      </div>
    </section>
  )
}
