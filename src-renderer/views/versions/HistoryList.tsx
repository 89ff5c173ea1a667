import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionEntry, VersionsStatus } from '../../../src-shared/api/types.js'
import { api } from '../../api/client.js'
import { attempt } from '../../ui/report-failure.js'
import { useStore } from '../../stores/store.js'
import { activePage, openComparison, tabsStore } from '../../stores/tabs-store.js'
import { openDialog } from '../../stores/ui-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { versionTimes } from './version-date.js'

const LIMIT = 100

/** The timeline of the whole guide, or of the page open in the editor, most recent first. */
export function HistoryList({ status }: { status: VersionsStatus }) {
  const { t, i18n } = useTranslation()
  const [scope, setScope] = useState<'workspace' | 'page'>('workspace')
  const page = useStore(tabsStore, activePage)
  const pageTitle = useStore(workspaceStore, (state) =>
    page ? (state.index?.pages.find((entry) => entry.path === page)?.title ?? page) : null,
  )
  const [entries, setEntries] = useState<VersionEntry[] | null>(null)
  const path = scope === 'page' ? page : null
  const shown = scope === 'page' && !path ? [] : entries
  const times = versionTimes(
    (shown ?? []).map((entry) => entry.date),
    i18n.language,
  )

  // Read again whenever the status was (a version saved, another contribution…).
  useEffect(() => {
    let current = true
    if (scope === 'page' && !path) return
    void attempt(async () => {
      const list = await api.call(
        'versions.history',
        path ? { path, limit: LIMIT } : { limit: LIMIT },
      )
      if (current) setEntries(list)
    })
    return () => {
      current = false
    }
  }, [scope, path, status])

  return (
    <div className="versions-section">
      <div className="versions-heading-row">
        <h3 className="versions-heading" id="versions-history">
          {t('versions.history')}
        </h3>
        <div className="segmented" role="group" aria-label={t('versions.history')}>
          {(['workspace', 'page'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className="segment"
              aria-pressed={scope === choice}
              disabled={choice === 'page' && !page}
              title={t(choice === 'page' ? 'versions.pageHistory' : 'versions.workspaceHistory')}
              onClick={() => setScope(choice)}
            >
              {t(choice === 'page' ? 'versions.pageHistory' : 'versions.workspaceHistory')}
            </button>
          ))}
        </div>
      </div>
      {scope === 'page' && pageTitle && <p className="history-page">{pageTitle}</p>}
      {shown && shown.length === 0 ? (
        <p className="view-empty">{t('versions.noHistory')}</p>
      ) : (
        <ol className="history-list" aria-labelledby="versions-history">
          {(shown ?? []).map((entry, index) => (
            <li key={entry.oid} className="history-entry" data-oid={entry.oid}>
              <span
                className={`codicon codicon-${entry.parents.length > 1 ? 'git-merge' : 'git-commit'}`}
                aria-hidden="true"
              />
              <div className="history-text">
                <span className="history-message">{entry.message.split('\n')[0]}</span>
                <span className="history-meta">
                  {t('versions.by', { author: entry.author })} ·{' '}
                  <time dateTime={entry.date} title={times[index]!.title}>
                    {times[index]!.text}
                  </time>
                </span>
                {path && (
                  <span className="history-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        openComparison({ page: path, from: entry.oid, date: entry.date })
                      }
                    >
                      {t('versions.compare')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        openDialog({
                          kind: 'restore-version',
                          path,
                          version: entry.oid,
                          date: entry.date,
                        })
                      }
                    >
                      {t('versions.restore')}
                    </button>
                  </span>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
