import { useTranslation } from 'react-i18next'
import { useStore } from '../stores/store.js'
import { showView, uiStore, type ViewId } from '../stores/ui-store.js'

const TOP_VIEWS: { id: ViewId; icon: string; label: string }[] = [
  { id: 'explorer', icon: 'files', label: 'views.explorer' },
  { id: 'search', icon: 'search', label: 'views.search' },
  { id: 'versions', icon: 'source-control', label: 'views.versions' },
  { id: 'review', icon: 'comment-discussion', label: 'views.review' },
  { id: 'preview', icon: 'open-preview', label: 'views.preview' },
]

export function ActivityBar() {
  const { t } = useTranslation()
  const view = useStore(uiStore, (state) => state.view)
  const sidebarVisible = useStore(uiStore, (state) => state.sidebarVisible)

  const button = (id: ViewId, icon: string, label: string) => {
    const active = sidebarVisible && view === id
    return (
      <button
        key={id}
        type="button"
        className={`activity-item${active ? ' active' : ''}`}
        aria-label={t(label)}
        title={t(label)}
        aria-pressed={active}
        data-view={id}
        onClick={() => showView(id)}
      >
        <span className={`codicon codicon-${icon}`} aria-hidden="true" />
      </button>
    )
  }

  return (
    <nav className="activity-bar" aria-label={t('app.name')}>
      <div className="activity-top">
        {TOP_VIEWS.map((item) => button(item.id, item.icon, item.label))}
      </div>
      <div className="activity-bottom">{button('settings', 'settings-gear', 'views.settings')}</div>
    </nav>
  )
}
