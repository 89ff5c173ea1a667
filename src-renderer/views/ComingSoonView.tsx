import { useTranslation } from 'react-i18next'

/** Placeholder for a view whose issue has not landed: says so plainly, never crashes. */
export function ComingSoonView({ title }: { title: string }) {
  const { t } = useTranslation()
  return (
    <section className="view">
      <header className="view-header">
        <h2>{title}</h2>
      </header>
      <div className="coming-soon" role="status">
        <span className="codicon codicon-tools" aria-hidden="true" />
        <p className="coming-soon-title">{t('views.comingSoon')}</p>
        <p>{t('views.comingSoonText')}</p>
      </div>
    </section>
  )
}
