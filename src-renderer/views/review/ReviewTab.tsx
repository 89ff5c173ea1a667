import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewDiff } from '../../../src-shared/api/review-types.js'
import { api, ApiFailure } from '../../api/client.js'
import {
  approveContribution,
  requestChanges,
  reviewStore,
  takeReviewerFixes,
} from '../../stores/review-store.js'
import { useStore } from '../../stores/store.js'
import { openDialog } from '../../stores/ui-store.js'
import { attempt } from '../../ui/report-failure.js'
import { Segmented } from '../../ui/Segmented.js'
import { ReviewPageCard, type ReviewLayout } from './ReviewPageCard.js'
import { StatusBadge } from './StatusBadge.js'
import { fullDate } from '../versions/version-date.js'

/**
 * A contribution under review, in an editor tab: every changed file as it
 * will be published, changes marked, with comments; then the decision.
 */
export function ReviewTab({ branch }: { branch: string }) {
  const { t, i18n } = useTranslation()
  const summary = useStore(reviewStore, (state) =>
    state.reviews?.find((review) => review.branch === branch),
  )
  const revision = useStore(reviewStore, (state) => state.revision)
  const [diff, setDiff] = useState<ReviewDiff | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [layout, setLayout] = useState<ReviewLayout>('inline')

  useEffect(() => {
    let current = true
    api
      .call('review.diff', { branch })
      .then((value) => {
        if (!current) return
        setDiff(value)
        setFailure(null)
      })
      .catch((error: unknown) => {
        if (current) {
          setFailure(
            error instanceof ApiFailure ? `errors.${error.error.code}` : 'errors.unexpected',
          )
        }
      })
    return () => {
      current = false
    }
    // A decision or a received file may move the contribution: read it again.
  }, [branch, revision])

  const decided = summary?.status === 'integrated'
  return (
    <div className="review-tab" data-branch={branch}>
      <header className="compare-header review-header">
        <div>
          <h1>{t('review.title', { branch })}</h1>
          {summary && (
            <p className="compare-subtitle">
              <StatusBadge status={summary.status} />{' '}
              {t('review.byOn', {
                author: summary.author.name,
                date: fullDate(summary.date, i18n.language),
              })}
            </p>
          )}
        </div>
        <div className="compare-tools">
          <Segmented<ReviewLayout>
            label={t('review.published')}
            options={(['inline', 'sideBySide', 'source'] as const).map((value) => ({
              value,
              label: t(`review.${value}`),
            }))}
            value={layout}
            onChange={setLayout}
          />
        </div>
      </header>
      <div className="review-decisions" role="group" aria-label={t('views.review')}>
        {summary?.takeInto && (
          <button
            type="button"
            className="button"
            onClick={() => {
              const own = summary.takeInto
              if (own) void attempt(() => takeReviewerFixes(branch, own))
            }}
          >
            <span className="codicon codicon-git-merge" aria-hidden="true" />
            {t('review.takeFixes', { own: summary.takeInto })}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={decided}
          onClick={() => void attempt(() => approveContribution(branch))}
        >
          <span className="codicon codicon-pass" aria-hidden="true" />
          {t('review.approve')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={decided}
          onClick={() => void attempt(() => requestChanges(branch))}
        >
          <span className="codicon codicon-edit" aria-hidden="true" />
          {t('review.requestChanges')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => openDialog({ kind: 'send-contribution', branch })}
        >
          <span className="codicon codicon-reply" aria-hidden="true" />
          {t('review.sendBack')}
        </button>
      </div>
      {failure && (
        <p className="page-problem" role="alert">
          {t(failure)}
        </p>
      )}
      {!diff && !failure && <p className="view-empty">{t('review.loading')}</p>}
      {diff && diff.pages.length === 0 && <p className="view-empty">{t('review.noChanges')}</p>}
      {diff?.pages.map((page) => (
        <ReviewPageCard key={page.path} branch={branch} diff={diff} page={page} layout={layout} />
      ))}
    </div>
  )
}
