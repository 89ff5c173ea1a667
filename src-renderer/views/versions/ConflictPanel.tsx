import { useTranslation } from 'react-i18next'
import type { VersionsStatus } from '../../../src-shared/api/types.js'
import { attempt } from '../../ui/report-failure.js'
import { useStore } from '../../stores/store.js'
import { openTab } from '../../stores/tabs-store.js'
import { openDialog } from '../../stores/ui-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { ChangeBadge } from './ChangeBadge.js'
import { abortMerge, resolveConflict } from '../../stores/versions-actions.js'

/** A merge waiting on its conflicts: for each page, keep mine, theirs, or correct the text. */
export function ConflictPanel({ merge }: { merge: NonNullable<VersionsStatus['merge']> }) {
  const { t } = useTranslation()
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const titleOf = (path: string) => pages?.find((page) => page.path === path)?.title ?? path
  return (
    <div className="versions-panel versions-conflicts" role="region" aria-labelledby="merge-title">
      <h3 id="merge-title">
        <span className="codicon codicon-git-merge" aria-hidden="true" />{' '}
        {t('versions.conflict.title', { name: merge.contribution })}
      </h3>
      {merge.conflicts.length === 0 ? (
        <p role="status">{t('versions.conflict.ready')}</p>
      ) : (
        <>
          <p>{t('versions.conflict.help')}</p>
          <ul className="conflict-list">
            {merge.conflicts.map((path) => (
              <li key={path} className="conflict-row" data-path={path}>
                <div className="conflict-page">
                  <ChangeBadge kind="conflicted" />
                  <button
                    type="button"
                    className="link-button"
                    title={path}
                    onClick={() => openTab(path)}
                  >
                    {titleOf(path)}
                  </button>
                </div>
                <div className="conflict-actions">
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => void attempt(() => resolveConflict(path, { choice: 'mine' }))}
                  >
                    {t('versions.conflict.mine')}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => void attempt(() => resolveConflict(path, { choice: 'theirs' }))}
                  >
                    {t('versions.conflict.theirs')}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => openDialog({ kind: 'merged-text', path })}
                  >
                    {t('versions.conflict.edit')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="link-button" onClick={() => void attempt(abortMerge)}>
        {t('versions.conflict.abort')}
      </button>
    </div>
  )
}
