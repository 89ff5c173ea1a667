import { useTranslation } from 'react-i18next'
import type { SyncProgressEvent } from '../../../src-shared/api/sync-types.js'
import { fileSize } from '../../stores/review-store.js'
import { phaseKey, progressFraction } from '../../stores/sync-actions.js'

/**
 * A transfer's bar: git's step in plain words, items so far (of how many, when git
 * says), and the bytes received; no value while the server has not said how much.
 */
export function SyncProgress({ progress }: { progress: SyncProgressEvent | null }) {
  const { t, i18n } = useTranslation()
  const fraction = progressFraction(progress)
  const phase = progress ? t(phaseKey(progress.phase)) : ''
  const count = !progress
    ? t('sync.progressStarting')
    : progress.total !== null && progress.total > 0
      ? t('sync.progressCount', {
          phase,
          loaded: progress.loaded.toLocaleString(i18n.language),
          total: progress.total.toLocaleString(i18n.language),
        })
      : progress.loaded > 0
        ? t('sync.progressLoaded', { phase, loaded: progress.loaded.toLocaleString(i18n.language) })
        : phase
  return (
    <div className="sync-progress">
      {fraction === null ? (
        <progress aria-label={t('sync.progressLabel')} />
      ) : (
        <progress max={1} value={fraction} aria-label={t('sync.progressLabel')} />
      )}
      <small role="status">
        {count}
        {progress && progress.bytes > 0 && (
          <> · {t('sync.progressBytes', { size: fileSize(progress.bytes, i18n.language) })}</>
        )}
      </small>
    </div>
  )
}
