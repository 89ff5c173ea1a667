import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { refreshReviews, reviewStore } from '../stores/review-store.js'
import { useStore } from '../stores/store.js'
import { openReview, tabsStore } from '../stores/tabs-store.js'
import { openDialog } from '../stores/ui-store.js'
import { versionsStore } from '../stores/versions-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { IconButton } from '../ui/IconButton.js'
import { attempt } from '../ui/report-failure.js'
import { StatusBadge } from './review/StatusBadge.js'
import { fullDate, relativeDate } from './versions/version-date.js'

/**
 * « Relecture »: the contributions to review — received as files (`recu/…`)
 * and local ones — with author, date, pages changed and where each stands.
 * Sending and opening contribution files start here.
 */
export function ReviewView() {
  const { t, i18n } = useTranslation()
  const info = useStore(workspaceStore, (state) => state.info)
  const repository = useStore(versionsStore, (state) => state.status?.repository ?? false)
  const reviews = useStore(reviewStore, (state) => state.reviews)
  const active = useStore(tabsStore, (state) => state.active)

  useEffect(() => {
    void attempt(refreshReviews)
  }, [info])

  return (
    <section className="view review-view">
      <header className="view-header">
        <h2>{t('views.review')}</h2>
        <div className="view-actions">
          <IconButton
            icon="cloud-download"
            label={t('review.receive')}
            onClick={() => openDialog({ kind: 'receive-contribution' })}
            disabled={!repository}
          />
          <IconButton
            icon="export"
            label={t('review.send')}
            onClick={() => openDialog({ kind: 'send-contribution' })}
            disabled={!repository}
          />
          <IconButton
            icon="refresh"
            label={t('explorer.refresh')}
            onClick={() => void attempt(refreshReviews)}
            disabled={!info}
          />
        </div>
      </header>
      <div className="review-body">
        {!info ? (
          <p className="view-empty">{t('app.noWorkspace')}</p>
        ) : !repository ? (
          <p className="view-empty">{t('versions.noRepository')}</p>
        ) : reviews && reviews.length === 0 ? (
          <div className="review-empty">
            <p className="view-empty">{t('review.empty')}</p>
            <button
              type="button"
              className="button"
              onClick={() => openDialog({ kind: 'receive-contribution' })}
            >
              <span className="codicon codicon-cloud-download" aria-hidden="true" />
              {t('review.receive')}
            </button>
          </div>
        ) : (
          <ul className="review-list" aria-label={t('review.listLabel')}>
            {(reviews ?? []).map((review) => (
              <li key={review.branch}>
                <button
                  type="button"
                  className={`review-item${active === `review:${review.branch}` ? ' active' : ''}`}
                  data-branch={review.branch}
                  onClick={() => openReview(review.branch)}
                >
                  <span className="review-item-head">
                    <span className="codicon codicon-git-pull-request" aria-hidden="true" />
                    <span className="review-branch">{review.branch}</span>
                    <StatusBadge status={review.status} />
                  </span>
                  <span className="review-meta">
                    {t('review.byOn', {
                      author: review.author.name,
                      date: relativeDate(review.date, i18n.language),
                    })}{' '}
                    · {t('review.pages', { count: review.pages.length })}
                    {review.unresolved > 0 &&
                      ` · ${t('review.unresolved', { count: review.unresolved })}`}
                  </span>
                  <span className="visually-hidden">{fullDate(review.date, i18n.language)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
