import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { attempt } from '../ui/report-failure.js'
import { useStore } from '../stores/store.js'
import { openTab } from '../stores/tabs-store.js'
import { refreshProblems, workspaceStore } from '../stores/workspace-store.js'

/**
 * « Problèmes »: the site's settings files that cannot be read (`_config.yml`, `_data/…`,
 * `_atelier.yml`, with file and line), then every page whose settings cannot be read, each
 * opening its page.
 */
export function ProblemsView() {
  const { t } = useTranslation()
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const configProblems = useStore(workspaceStore, (state) => state.configProblems)
  const broken = (pages ?? []).filter((page) => page.error)
  // Saves do not read « Problèmes » again (a check reads the whole site): it is read when shown.
  const stale = useStore(workspaceStore, (state) => state.problemsStale)
  useEffect(() => {
    if (stale) void attempt(refreshProblems)
  }, [stale])
  return (
    <section className="view">
      <header className="view-header">
        <h2>{t('views.problems')}</h2>
      </header>
      {configProblems.length > 0 && (
        <ul className="problem-list" aria-label={t('problemsView.configFiles')}>
          {configProblems.map((problem) => (
            <li key={`${problem.file}:${problem.code}`}>
              <p className="problem-item" role="alert" data-file={problem.file}>
                <span className="codicon codicon-error" aria-hidden="true" />
                <span>
                  <strong>{problem.file}</strong>
                  <small>
                    {t(`configProblems.${problem.code}`, { file: problem.file, key: problem.key })}
                    {problem.line ? ` ${t('problems.atLine', { line: problem.line })}` : ''}
                  </small>
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {broken.length === 0 && configProblems.length === 0 ? (
        <p className="view-empty">{t('problemsView.none')}</p>
      ) : (
        <ul className="problem-list">
          {broken.map((page) => (
            <li key={page.path}>
              <button
                type="button"
                className="problem-item"
                onClick={() => openTab(page.path)}
                title={page.path}
              >
                <span className="codicon codicon-warning" aria-hidden="true" />
                <span>
                  <strong>{page.title}</strong>
                  <small>
                    {t(`problems.${page.error!.code}`)}
                    {page.error!.line ? ` ${t('problems.atLine', { line: page.error!.line })}` : ''}
                  </small>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
