import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportReport } from '../../../src-shared/api/types.js'
import { api } from '../../api/client.js'
import { useStore } from '../../stores/store.js'
import { closeDialog, notify } from '../../stores/ui-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { attempt } from '../../ui/report-failure.js'
import { PathField } from '../../ui/PathField.js'
import { useReturnFocus } from '../../ui/return-focus.js'
import { firstEmptyRequired } from '../../ui/required-fields.js'

/**
 * « Exporter le site… »: the folder (the system's dialog in the app, a path
 * in a plain browser), relative links for a USB key (on by default: the site
 * then opens from the disk), a progress bar while main writes, then what was
 * written and what could not be, with « Ouvrir le dossier » in the app.
 */
export function ExportDialog() {
  const { t } = useTranslation()
  const shell = useStore(workspaceStore, (state) => state.shell)
  const [destination, setDestination] = useState('')
  const [relative, setRelative] = useState(true)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<ExportReport | null>(null)
  const [missing, setMissing] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)

  useReturnFocus()
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus()
  }, [])
  useEffect(() => api.on('preview.progress', setProgress), [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (report) return closeDialog()
    const empty = form.current && firstEmptyRequired(form.current)
    if (empty) {
      empty.field.focus()
      return setMissing(empty.label)
    }
    setBusy(true)
    setProgress(null)
    let result: ExportReport | null = null
    await attempt(async () => {
      result = await api.call('preview.export', { destination: destination.trim(), relative })
    })
    setBusy(false)
    const done = result as ExportReport | null
    if (!done) return
    if (done.problems.length > 0) {
      notify('preview.exportedWithProblems', {
        destination: done.destination,
        pages: String(done.pages),
        files: String(done.files),
        count: String(done.problems.length),
      })
    }
    setReport(done)
  }

  const openFolder = async () => {
    if (!(await api.call('preview.openExported', {}))) notify('preview.openFolderFailed')
  }

  const cancel = () => {
    if (!busy) closeDialog()
  }

  return (
    <div className="modal-backdrop" onMouseDown={cancel}>
      {/* The dialog holds the form: a form may not take the dialog's role itself. */}
      <div
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('preview.exportTitle')}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && cancel()}
      >
        <form ref={form} onSubmit={(event) => void submit(event)} noValidate>
          <h2>{t('preview.exportTitle')}</h2>
          {report ? (
            <div className="export-report" role="status">
              <p>
                {t('preview.exported', {
                  destination: report.destination,
                  pages: report.pages,
                  files: report.files,
                })}
              </p>
              {report.problems.length > 0 && (
                <>
                  <p>{t('preview.problemsTitle')}</p>
                  <ul className="export-problems">
                    {report.problems.map((problem) => (
                      <li key={problem.path}>
                        <span className="codicon codicon-warning" aria-hidden="true" />{' '}
                        <strong>{problem.path}</strong> : {problem.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : (
            <>
              <p className="modal-help">{t('preview.exportExplain')}</p>
              <PathField
                id="export-destination"
                label={t('preview.exportFolder')}
                value={destination}
                disabled={busy}
                placeholder={t('preview.exportFolderPlaceholder')}
                invalid={missing !== null}
                onChange={(value) => {
                  setDestination(value)
                  setMissing(null)
                }}
                browse={
                  shell === 'electron' ? () => api.call('workspace.chooseFolder', {}) : undefined
                }
                browseLabel={t('preview.browse')}
              >
                {missing !== null && (
                  <small className="field-error" role="alert">
                    {t('pageDialog.requiredField', { field: missing })}
                  </small>
                )}
                <small className="field-warning">
                  <span className="codicon codicon-warning" aria-hidden="true" />{' '}
                  {t('preview.exportFolderHelp')}
                </small>
              </PathField>
              <label className="field field-inline">
                <input
                  type="checkbox"
                  checked={relative}
                  disabled={busy}
                  onChange={(event) => setRelative(event.target.checked)}
                />
                <span>{t('preview.relative')}</span>
                <small>{t('preview.relativeHelp')}</small>
              </label>
              {busy && (
                <div className="export-progress">
                  <progress
                    max={progress?.total || 1}
                    value={progress?.done ?? 0}
                    aria-label={t('preview.exporting')}
                  />
                  <small role="status">
                    {progress
                      ? t('preview.progress', { done: progress.done, total: progress.total })
                      : t('preview.exporting')}
                  </small>
                </div>
              )}
            </>
          )}
          <div className="modal-actions">
            {!report && (
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={closeDialog}
              >
                {t('pageDialog.cancel')}
              </button>
            )}
            {report && shell === 'electron' && (
              <button
                type="button"
                className="button secondary"
                onClick={() => void attempt(openFolder)}
              >
                {t('preview.openFolder')}
              </button>
            )}
            <button type="submit" className="button" disabled={busy}>
              {report ? t('preview.closeReport') : t('preview.exportAction')}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
