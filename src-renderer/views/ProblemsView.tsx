import { useTranslation } from 'react-i18next'
import { useStore } from '../stores/store.js'
import { openTab } from '../stores/tabs-store.js'
import { workspaceStore } from '../stores/workspace-store.js'

/** « Problèmes »: every page whose settings cannot be read, each opening its page. */
export function ProblemsView() {
  const { t } = useTranslation()
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const contentTypes = useStore(workspaceStore, (state) => state.contentTypes)
  const broken = (pages ?? []).filter((page) => page.error)
  return (
    <section className="view">
      <header className="view-header">
        <h2>{t('views.problems')}</h2>
      </header>
      {contentTypes && !contentTypes.ok && (
        <p className="problem-item" role="alert">
          <span className="codicon codicon-error" aria-hidden="true" />{' '}
          {t('problemsView.contentTypes', { message: contentTypes.message })}
        </p>
      )}
      {broken.length === 0 && !(contentTypes && !contentTypes.ok) ? (
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
