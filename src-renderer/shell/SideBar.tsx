import { useTranslation } from 'react-i18next'
import { useStore } from '../stores/store.js'
import { uiStore } from '../stores/ui-store.js'
import { ComingSoonView } from '../views/ComingSoonView.js'
import { ExplorerView } from '../views/ExplorerView.js'
import { PreviewView } from '../views/PreviewView.js'
import { ReviewView } from '../views/ReviewView.js'
import { SearchView } from '../views/SearchView.js'
import { ProblemsView } from '../views/ProblemsView.js'
import { SettingsView } from '../views/SettingsView.js'
import { VersionsView } from '../views/VersionsView.js'

export function SideBar() {
  const { t } = useTranslation()
  const view = useStore(uiStore, (state) => state.view)
  const title = t(`views.${view}`)
  return (
    <aside className="side-bar" aria-label={title}>
      {view === 'explorer' ? (
        <ExplorerView />
      ) : view === 'problems' ? (
        <ProblemsView />
      ) : view === 'settings' ? (
        <SettingsView />
      ) : view === 'versions' ? (
        <VersionsView />
      ) : view === 'preview' ? (
        <PreviewView />
      ) : view === 'review' ? (
        <ReviewView />
      ) : view === 'search' ? (
        <SearchView />
      ) : (
        <ComingSoonView title={title} />
      )}
    </aside>
  )
}
