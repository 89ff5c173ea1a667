import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton.js'
import type { FileChange } from '../../../src-shared/api/types.js'
import { useStore } from '../../stores/store.js'
import { openComparison, openTab } from '../../stores/tabs-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { versionsStore } from '../../stores/versions-store.js'
import { restoreDeletedPage } from '../../stores/versions-actions.js'
import { attempt } from '../../ui/report-failure.js'
import { ChangeBadge } from './ChangeBadge.js'

/** « Modifications (n) »: each changed page by title, opening it or its differences. */
export function ChangesList({ changes }: { changes: FileChange[] }) {
  const { t } = useTranslation()
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const deleted = useStore(versionsStore, (state) => state.deletedTitles)
  // A deleted page is no longer in the index: its title from the trash or the last version.
  const titleOf = (path: string) =>
    pages?.find((page) => page.path === path)?.title ??
    deleted[path] ??
    path.split('/').pop() ??
    path
  return (
    <div className="versions-section">
      <h3 className="versions-heading" id="versions-changes">
        {t('versions.changes', { count: changes.length })}
      </h3>
      {changes.length === 0 ? (
        <p className="view-empty">{t('versions.noChanges')}</p>
      ) : (
        <ul className="change-list" aria-labelledby="versions-changes">
          {changes.map((change) => (
            <li key={change.path} className="change-row" data-path={change.path}>
              <button
                type="button"
                className="change-open"
                title={change.from ? `${change.from} → ${change.path}` : change.path}
                onClick={() =>
                  change.kind === 'deleted'
                    ? openComparison({ page: change.path, from: 'HEAD' })
                    : openTab(change.path)
                }
              >
                <span className="codicon codicon-file-text" aria-hidden="true" />
                <span className={`change-title change-${change.kind}`}>{titleOf(change.path)}</span>
                <span className="change-path">{change.path.split('/').slice(0, -1).join('/')}</span>
              </button>
              <IconButton
                icon="diff"
                label={t('versions.compareOf', { page: titleOf(change.path) })}
                className="change-compare"
                title={t('versions.compare')}
                onClick={() => openComparison({ page: change.path, from: 'HEAD' })}
              />
              {change.kind === 'deleted' && (
                <IconButton
                  icon="discard"
                  label={t('versions.restoreDeleted')}
                  className="change-restore"
                  onClick={() => void attempt(() => restoreDeletedPage(change.path))}
                />
              )}
              <ChangeBadge kind={change.kind} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
