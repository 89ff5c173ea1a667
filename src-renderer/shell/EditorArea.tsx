import { lazy, Suspense, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { commands, chooseAndOpenFolder } from '../commands/commands.js'
import { formatKeybinding } from '../commands/keybinding.js'
import { EditorErrorBoundary } from '../editor/EditorErrorBoundary.js'
import { loadPageEditor } from '../editor/load-page-editor.js'
import { previewStore, togglePreview } from '../stores/preview-store.js'
import { useStore } from '../stores/store.js'
import { focusTab, tabsStore, type Tab } from '../stores/tabs-store.js'
import {
  requestCloseOtherTabs,
  requestCloseTab,
  requestOpenWorkspace,
} from '../stores/close-tab.js'
import { openDialog } from '../stores/ui-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { CompareView } from '../views/versions/CompareView.js'
import { ReviewTab } from '../views/review/ReviewTab.js'
import { FileView } from '../views/files/FileView.js'
import { ContextMenu, type MenuItem } from '../ui/ContextMenu.js'
import { attempt } from '../ui/report-failure.js'

/** The editor (TipTap, ProseMirror, the Markdown conversion: 40% of the script) loads apart. */
const PageEditor = lazy(() => loadPageEditor().then((module) => ({ default: module.PageEditor })))

export function EditorArea() {
  const { t } = useTranslation()
  const { tabs, active } = useStore(tabsStore, (state) => state)
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null)

  if (tabs.length === 0) return <Welcome />
  const activeTab = tabs.find((tab) => tab.path === active)

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step) {
      const next = tabs[(index + step + tabs.length) % tabs.length]
      if (next) {
        focusTab(next.path)
        document.getElementById(tabId(next.path))?.focus()
      }
      event.preventDefault()
    } else if (event.key === 'Delete') {
      requestCloseTab(tabs[index]!.path)
    }
  }

  return (
    <main className="editor-area">
      <div className="tab-strip">
        <div className="tab-bar" role="tablist" aria-label={t('tabs.label')}>
          {tabs.map((tab, index) => (
            <TabHeader
              key={tab.path}
              tab={tab}
              active={tab.path === active}
              onKeyDown={(event) => onKeyDown(event, index)}
              onContextMenu={(x, y) =>
                setMenu({
                  x,
                  y,
                  items: [
                    { label: t('tabs.close'), run: () => requestCloseTab(tab.path) },
                    { label: t('tabs.closeOthers'), run: () => requestCloseOtherTabs(tab.path) },
                  ],
                })
              }
            />
          ))}
        </div>
        <EditorActions />
      </div>
      {active && (
        <div
          className="tab-panel"
          role="tabpanel"
          id={panelId(active)}
          aria-labelledby={tabId(active)}
        >
          {activeTab?.compare ? (
            <CompareView key={active} comparison={activeTab.compare} />
          ) : activeTab?.review ? (
            <ReviewTab key={active} branch={activeTab.review.branch} />
          ) : activeTab?.file ? (
            <FileView key={active} path={activeTab.file} />
          ) : (
            // One page that cannot be shown must not take the workbench down with it.
            <EditorErrorBoundary key={active} path={active}>
              <Suspense fallback={null}>
                <PageEditor path={active} />
              </Suspense>
            </EditorErrorBoundary>
          )}
        </div>
      )}
      {menu && <ContextMenu {...menu} onClose={() => setMenu(null)} />}
    </main>
  )
}

const tabId = (path: string) => `tab-${encodeURIComponent(path)}`
const panelId = (path: string) => `panel-${encodeURIComponent(path)}`

function TabHeader(props: {
  tab: Tab
  active: boolean
  onKeyDown(event: KeyboardEvent): void
  onContextMenu(x: number, y: number): void
}) {
  const { t } = useTranslation()
  const { compare, review } = props.tab
  const pagePath = compare?.page ?? props.tab.file ?? props.tab.path
  const page = useStore(workspaceStore, (state) =>
    state.index?.pages.find((candidate) => candidate.path === pagePath),
  )
  const name = page?.title ?? pagePath.split('/').pop() ?? pagePath
  const title = review
    ? t('review.tabTitle', { branch: review.branch })
    : compare
      ? t('versions.compareTitle', { page: name })
      : name
  return (
    <div
      id={tabId(props.tab.path)}
      role="tab"
      aria-selected={props.active}
      aria-controls={panelId(props.tab.path)}
      tabIndex={props.active ? 0 : -1}
      className={`tab${props.active ? ' active' : ''}${props.tab.dirty ? ' dirty' : ''}`}
      title={pagePath}
      data-path={props.tab.path}
      onClick={() => focusTab(props.tab.path)}
      onAuxClick={(event) => {
        if (event.button === 1) {
          event.preventDefault()
          requestCloseTab(props.tab.path)
        }
      }}
      onMouseDown={(event) => {
        if (event.button === 1) event.preventDefault() // no auto-scroll on middle click
      }}
      onContextMenu={(event) => {
        event.preventDefault()
        props.onContextMenu(event.clientX, event.clientY)
      }}
      onKeyDown={props.onKeyDown}
    >
      <span className={`codicon codicon-${compare ? 'diff' : 'file-text'}`} aria-hidden="true" />
      <span className="tab-title">{title}</span>
      {props.tab.dirty && (
        <span
          className="tab-dirty"
          role="img"
          aria-label={t('tabs.unsaved')}
          title={t('tabs.unsaved')}
        />
      )}
      {/* For the mouse only: a button inside a tab is a control nested in a control, which
          screen readers cannot reach. The keyboard closes the tab with Delete or Ctrl+W. */}
      <span
        className="tab-close icon-button"
        aria-hidden="true"
        title={t('tabs.close')}
        onClick={(event) => {
          event.stopPropagation()
          requestCloseTab(props.tab.path)
        }}
      >
        <span className="codicon codicon-close" />
      </span>
    </div>
  )
}

/** The buttons at the right end of the tab bar, as VS Code's editor actions. */
function EditorActions() {
  const { t } = useTranslation()
  const visible = useStore(previewStore, (state) => state.visible)
  const binding = commands.find((command) => command.id === 'workbench.previewToSide')?.keybinding
  const label = visible ? t('preview.hideSide') : t('commands.previewToSide')
  return (
    <div className="editor-actions">
      <button
        type="button"
        className={`icon-button${visible ? ' checked' : ''}`}
        aria-pressed={visible}
        aria-label={label}
        title={binding ? `${label} (${formatKeybinding(binding)})` : label}
        data-action="preview-side"
        onClick={() => togglePreview()}
      >
        <span className="codicon codicon-open-preview" aria-hidden="true" />
      </button>
    </div>
  )
}

function Welcome() {
  const { t } = useTranslation()
  const info = useStore(workspaceStore, (state) => state.info)
  const recent = useStore(workspaceStore, (state) => state.settings.recentWorkspaces)
  const contentTypes = useStore(workspaceStore, (state) => state.contentTypes)
  const types = info && contentTypes?.ok ? contentTypes.value.types : []
  const quickOpen = commands.find((command) => command.id === 'workbench.quickOpen')?.keybinding
  return (
    <main className="welcome">
      <span className="codicon codicon-book welcome-icon" aria-hidden="true" />
      <h1>{t('welcome.title')}</h1>
      <p>
        {info
          ? t('welcome.text', { shortcut: quickOpen ? formatKeybinding(quickOpen) : '' })
          : t('app.openFolderHint')}
      </p>
      <button type="button" className="button" onClick={() => void attempt(chooseAndOpenFolder)}>
        <span className="codicon codicon-folder-opened" aria-hidden="true" />{' '}
        {t('welcome.openFolder')}
      </button>
      {types.length > 0 && (
        <div className="welcome-actions">
          {types.map((type) => (
            <button
              key={type.id}
              type="button"
              className="button secondary"
              onClick={() => openDialog({ kind: 'new-page', collection: type.collection })}
            >
              <span className="codicon codicon-new-file" aria-hidden="true" />{' '}
              {type.action ?? t('commands.newOfType', { type: type.label })}
            </button>
          ))}
        </div>
      )}
      {recent.length > 0 && (
        <div className="welcome-recent">
          <h2>{t('welcome.recent')}</h2>
          <ul className="recent-list">
            {recent.map((folder) => (
              <li key={folder}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void attempt(() => requestOpenWorkspace(folder))}
                  aria-current={folder === info?.root ? 'true' : undefined}
                >
                  {folder}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </main>
  )
}
