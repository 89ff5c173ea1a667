import { useTranslation } from 'react-i18next'
import { commands } from '../commands/commands.js'
import { formatKeybinding } from '../commands/keybinding.js'
import { attempt } from '../ui/report-failure.js'
import { previewStore, setAllowExternal, togglePreview } from '../stores/preview-store.js'
import { useStore } from '../stores/store.js'
import { openDialog } from '../stores/ui-store.js'
import { workspaceStore } from '../stores/workspace-store.js'

/** « Aperçu » in the side bar: what the preview is, and its three actions. */
export function PreviewView() {
  const { t } = useTranslation()
  const info = useStore(workspaceStore, (state) => state.info)
  const visible = useStore(previewStore, (state) => state.visible)
  const allowExternal = useStore(previewStore, (state) => state.allowExternal)
  const binding = commands.find((command) => command.id === 'workbench.previewToSide')?.keybinding
  return (
    <section className="view preview-view">
      <header className="view-header">
        <h2>{t('views.preview')}</h2>
      </header>
      <div className="preview-view-body">
        {!info ? (
          <p className="view-empty">{t('app.noWorkspace')}</p>
        ) : (
          <>
            <p>{t('preview.explain')}</p>
            <button
              type="button"
              className="button"
              aria-pressed={visible}
              onClick={() => togglePreview()}
              title={binding ? formatKeybinding(binding) : undefined}
            >
              <span className="codicon codicon-open-preview" aria-hidden="true" />
              {visible ? t('preview.hideSide') : t('commands.previewToSide')}
            </button>
            <label className="field field-inline preview-external">
              <input
                type="checkbox"
                checked={allowExternal}
                onChange={(event) => void attempt(() => setAllowExternal(event.target.checked))}
              />
              <span>{t('preview.showExternal')}</span>
              <small>{t('preview.externalHelp')}</small>
            </label>
            <h3>{t('preview.exportHeading')}</h3>
            <p>{t('preview.exportExplain')}</p>
            <button
              type="button"
              className="button secondary"
              onClick={() => openDialog({ kind: 'export' })}
            >
              <span className="codicon codicon-export" aria-hidden="true" />
              {t('commands.exportSite')}
            </button>
          </>
        )}
      </div>
    </section>
  )
}
