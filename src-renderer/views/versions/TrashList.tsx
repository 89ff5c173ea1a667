import { useTranslation } from 'react-i18next'
import type { FileChange } from '../../../src-shared/api/types.js'
import { useStore } from '../../stores/store.js'
import { restoreDeletedPage } from '../../stores/versions-actions.js'
import { versionsStore } from '../../stores/versions-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { IconButton } from '../../ui/IconButton.js'
import { attempt } from '../../ui/report-failure.js'

/**
 * « Pages supprimées »: pages in Atelier's trash that « Modifications » does not show already
 * (a page never saved in a version leaves no change behind), by title, each with « Remettre ».
 */
export function TrashList({ changes }: { changes: FileChange[] }) {
  const { t } = useTranslation()
  const trash = useStore(versionsStore, (state) => state.trash)
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  // Shown in « Modifications » already, or back in the folder by another way: not offered.
  const listed = new Set([
    ...changes.map((change) => change.path),
    ...(pages ?? []).map((page) => page.path),
  ])
  const shown = trash.filter(
    (entry, at) =>
      !listed.has(entry.path) && trash.findIndex((other) => other.path === entry.path) === at,
  )
  if (shown.length === 0) return null
  return (
    <div className="versions-section">
      <h3 className="versions-heading" id="versions-trash">
        {t('versions.deletedPages')}
      </h3>
      <ul className="change-list" aria-labelledby="versions-trash">
        {shown.map((entry) => (
          <li key={entry.id} className="change-row" data-path={entry.path}>
            <span className="change-open" title={entry.path}>
              <span className="codicon codicon-trash" aria-hidden="true" />
              <span className="change-title change-deleted">{entry.title}</span>
              <span className="change-path">{entry.path.split('/').slice(0, -1).join('/')}</span>
            </span>
            <IconButton
              icon="discard"
              label={t('versions.restoreDeleted')}
              className="change-restore"
              onClick={() => void attempt(() => restoreDeletedPage(entry.path))}
            />
          </li>
        ))}
      </ul>
    </div>
  )
}
