import { useTranslation } from 'react-i18next'
import { readingMinutes } from '../../src-shared/markdown/word-count.js'
import { editorStatusStore } from '../stores/editor-status-store.js'
import { useStore } from '../stores/store.js'
import { openPalette, revealView } from '../stores/ui-store.js'
import { versionsStore } from '../stores/versions-store.js'
import { changeLanguage, workspaceStore } from '../stores/workspace-store.js'
import { countProblems, groupProblems } from '../stores/problem-groups.js'
import { attempt } from '../ui/report-failure.js'

export function StatusBar() {
  const { t } = useTranslation()
  const info = useStore(workspaceStore, (state) => state.info)
  const language = useStore(workspaceStore, (state) => state.settings.language)
  const invalidFields = useStore(editorStatusStore, (state) => state.invalidFields)
  const brokenPages = useStore(
    workspaceStore,
    (state) => state.index?.pages.filter((page) => page.error).length ?? 0,
  )
  const brokenSettingsFiles = useStore(workspaceStore, (state) => state.configProblems.length)
  const checked = useStore(workspaceStore, (state) =>
    countProblems(
      groupProblems(
        state.siteProblems,
        state.liveProblems,
        state.index?.pages ?? [],
        state.configProblems,
      ),
    ),
  )
  const words = useStore(editorStatusStore, (state) => state.words)
  const status = useStore(versionsStore, (state) => state.status)
  // The versions status is read more often than the workspace's info (after each version).
  const branch = status?.repository ? status.branch : (info?.branch ?? null)
  const changes = status?.changes.length ?? 0
  // Pages whose settings cannot be read, settings files of the site that cannot be read, the
  // open page's settings that fail validation, and the checks' problems (links, includes,
  // Liquid…) of every page, the open one as typed.
  const problems = brokenPages + brokenSettingsFiles + invalidFields + checked
  const other = language === 'fr' ? 'en' : 'fr'
  return (
    // The bar is the window's footer; what it says is announced as it changes (a footer
    // may not take the status role itself).
    <footer className="status-bar">
      <div className="status-left" role="status">
        {info && (
          <button
            type="button"
            className="status-item"
            title={info.root}
            onClick={() => revealView('explorer')}
          >
            <span className="codicon codicon-folder" aria-hidden="true" />
            {t('status.workspace', { name: info.name })}
          </button>
        )}
        {info && (
          <button
            type="button"
            className="status-item"
            data-testid="status-branch"
            title={t('versions.contribution.pick')}
            aria-haspopup="dialog"
            onClick={() => (branch ? openPalette('contributions') : revealView('versions'))}
          >
            <span className="codicon codicon-git-branch" aria-hidden="true" />
            {branch ? t('status.branch', { name: branch }) : t('status.noBranch')}
            {changes > 0 && (
              <span className="status-changes" title={t('versions.changes', { count: changes })}>
                *
              </span>
            )}
          </button>
        )}
        {problems > 0 && (
          <button
            type="button"
            className="status-item"
            data-testid="status-problems"
            onClick={() => revealView('problems')}
          >
            <span className="codicon codicon-warning" aria-hidden="true" />
            {t('status.problems', { count: problems })}
          </button>
        )}
      </div>
      <div className="status-right" role="status">
        {words !== null && (
          <span className="status-item" data-testid="status-words">
            {t('status.words', { count: words })} ·{' '}
            {t('status.reading', { count: readingMinutes(words) })}
          </span>
        )}
        <button
          type="button"
          className="status-item"
          data-testid="status-language"
          title={t(`languages.${other}`)}
          onClick={() => void attempt(() => changeLanguage(other))}
        >
          <span className="codicon codicon-globe" aria-hidden="true" />
          {t('status.language', { name: t(`languages.${language}`) })}
        </button>
      </div>
    </footer>
  )
}
