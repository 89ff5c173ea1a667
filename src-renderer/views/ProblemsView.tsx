import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { attempt } from '../ui/report-failure.js'
import { useStore } from '../stores/store.js'
import { openTab } from '../stores/tabs-store.js'
import { refreshProblems, workspaceStore } from '../stores/workspace-store.js'
import { groupProblems } from '../stores/problem-groups.js'

/**
 * « Problèmes »: the site's settings files that cannot be read (`_config.yml`, `_data/…`,
 * `_atelier.yml`, with file and line), then every page whose settings cannot be read, each
 * opening its page, then the checks' problems by page (errors first), each opening its page
 * at its line with the words in question selected.
 */
export function ProblemsView() {
  const { t } = useTranslation()
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const configProblems = useStore(workspaceStore, (state) => state.configProblems)
  const broken = (pages ?? []).filter((page) => page.error)
  // Saves do not read « Problèmes » again (a check reads the whole site): it is read when shown.
  const stale = useStore(workspaceStore, (state) => state.problemsStale)
  const siteProblems = useStore(workspaceStore, (state) => state.siteProblems)
  const liveProblems = useStore(workspaceStore, (state) => state.liveProblems)
  const groups = groupProblems(siteProblems, liveProblems, pages ?? [], configProblems)
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
      {broken.length === 0 && configProblems.length === 0 && groups.length === 0 ? (
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
      {groups.map((group) => (
        <section
          key={group.path}
          className="problem-group"
          aria-label={group.title}
          data-testid="problem-group"
          data-path={group.path}
        >
          <h3 className="problem-group-title" title={group.path}>
            {group.title}
          </h3>
          <ul className="problem-list">
            {group.problems.map((problem, index) => (
              <li key={`${problem.line}:${problem.code}:${index}`}>
                <button
                  type="button"
                  className="problem-item"
                  data-severity={problem.severity}
                  data-kind={problem.kind}
                  onClick={() =>
                    openTab(problem.path, {
                      line: problem.line,
                      ...(problem.text ? { text: problem.text } : {}),
                    })
                  }
                >
                  <span
                    className={`codicon codicon-${problem.severity === 'error' ? 'error' : 'warning'}`}
                    aria-label={t(`checks.${problem.severity}`)}
                  />
                  <span>
                    <strong>{t('checks.atLine', { line: problem.line })}</strong>
                    <small>
                      {t(`checks.${problem.code}`, problem.params)}
                      {problem.suggestion
                        ? ` ${t('checks.suggestion', { suggestion: problem.suggestion })}`
                        : ''}
                    </small>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
