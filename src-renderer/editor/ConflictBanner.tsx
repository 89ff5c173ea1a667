import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { diffLines } from '../../src-shared/diff/line-diff.js'
import { attempt } from '../ui/report-failure.js'
import { changeRuns } from '../ui/side-by-side.js'
import { SideBySideDiff } from '../ui/SideBySideDiff.js'
import type { PageSession } from './page-session.js'

/**
 * The file changed on disk while the page had unsaved text: « Recharger »,
 * « Garder ma version dans une copie », or « Comparer » the two texts (only the
 * changed lines, with one line of context, as the Versions view shows them).
 */
export function ConflictBanner({ session, disk }: { session: PageSession; disk: string }) {
  const { t } = useTranslation()
  const [comparing, setComparing] = useState(false)
  return (
    <div className="page-problem conflict" role="alert">
      <p>{t('editor.changedOnDisk')}</p>
      <p className="conflict-help">{t('editor.choicesHelp')}</p>
      <button type="button" className="button" onClick={() => void attempt(() => session.reload())}>
        {t('editor.reload')}
      </button>{' '}
      <button
        type="button"
        className="button secondary"
        onClick={() => void attempt(() => session.keepCopy())}
      >
        {t('editor.keepCopy')}
      </button>{' '}
      <button
        type="button"
        className="button secondary"
        aria-expanded={comparing}
        onClick={() => setComparing(!comparing)}
      >
        {t('editor.compare')}
      </button>
      {comparing && (
        <SideBySideDiff
          className="compare-panel"
          runs={changeRuns(diffLines(disk, session.currentText()))}
          label={t('editor.compare')}
          before={t('editor.compareDisk')}
          after={t('editor.compareMine')}
        />
      )}
    </div>
  )
}
