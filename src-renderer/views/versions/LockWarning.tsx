import { useTranslation } from 'react-i18next'
import { attempt } from '../../ui/report-failure.js'
import { clearLock } from '../../stores/versions-actions.js'

/** `.git/index.lock` left by an interrupted operation: says so, offers to unlock. */
export function LockWarning({ ageSeconds }: { ageSeconds: number }) {
  const { t } = useTranslation()
  return (
    <div className="versions-panel versions-warning" role="alert">
      <h3>
        <span className="codicon codicon-lock" aria-hidden="true" /> {t('versions.lock.title')}
      </h3>
      <p>{t('versions.lock.help', { seconds: String(Math.round(ageSeconds)) })}</p>
      <button type="button" className="button" onClick={() => void attempt(clearLock)}>
        {t('versions.lock.clear')}
      </button>
    </div>
  )
}
