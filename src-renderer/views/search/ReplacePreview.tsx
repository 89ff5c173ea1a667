import { useTranslation } from 'react-i18next'
import type { ReplacePlan } from '../../../src-shared/api/search-types.js'
import { applyReplace, cancelReplace } from '../../stores/search-store.js'
import { attempt } from '../../ui/report-failure.js'

/** Every line « Remplacer partout » would change, page by page, before and after. */
export function ReplacePreview({ plan }: { plan: ReplacePlan }) {
  const { t } = useTranslation()
  if (plan.pages.length === 0) return <p className="view-empty">{t('search.planEmpty')}</p>
  return (
    <section className="replace-preview" aria-label={t('search.preview')}>
      <p>{t('search.planSummary', { count: plan.matches, pages: plan.pages.length })}</p>
      <ul>
        {plan.pages.map((page) => (
          <li key={page.path} data-path={page.path}>
            <strong title={page.path}>{page.title}</strong>
            <ul>
              {page.changes.map((change) => (
                <li key={change.line} className="replace-change">
                  <small>{t('search.atLine', { line: change.line })}</small>
                  <del aria-label={t('search.before')}>{change.before}</del>
                  <ins aria-label={t('search.after')}>{change.after}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="replace-actions">
        <button type="button" className="button" onClick={() => void attempt(applyReplace)}>
          {t('search.replaceAll')}
        </button>
        <button type="button" className="button secondary" onClick={cancelReplace}>
          {t('search.cancel')}
        </button>
      </div>
    </section>
  )
}
