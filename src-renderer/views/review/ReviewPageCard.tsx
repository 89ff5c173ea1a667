import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewComment, ReviewDiff, ReviewPage } from '../../../src-shared/api/review-types.js'
import type { PageComparison } from '../../../src-shared/diff/page-comparison.js'
import { api } from '../../api/client.js'
import { addComment, resolveComment, reviewStore } from '../../stores/review-store.js'
import { useStore } from '../../stores/store.js'
import { CommentThreads } from '../../ui/CommentThreads.js'
import { attempt } from '../../ui/report-failure.js'
import { SideBySideDiff } from '../../ui/SideBySideDiff.js'
import { NewComment } from './NewComment.js'
import { PageChanges, RenderedBody, type PublishedLayout } from './PublishedPage.js'

export type ReviewLayout = PublishedLayout | 'source'

/** One changed file of a contribution: its settings, its images, its published text, its comments. */
export function ReviewPageCard(props: {
  branch: string
  diff: ReviewDiff
  page: ReviewPage
  layout: ReviewLayout
}) {
  const { t } = useTranslation()
  const { page, branch, layout } = props
  const headingId = `review-page-${encodeURIComponent(page.path)}`
  return (
    <section className="review-page" aria-labelledby={headingId} data-path={page.path}>
      <header className="review-page-header">
        <h2 id={headingId}>{page.title || page.path}</h2>
        <span className={`review-change change-${page.change}`}>
          {t(`review.change.${page.change}`)}
        </span>
        <span className="review-path">{page.path}</span>
        {page.from && (
          <span className="review-path">{t('review.renamedFrom', { from: page.from })}</span>
        )}
      </header>
      <PageChanges page={page} />
      {!page.page ? (
        <p className="view-empty">
          {t('review.notPage', { change: t(`review.change.${page.change}`).toLowerCase() })}
        </p>
      ) : layout === 'source' ? (
        <SourceDiff diff={props.diff} page={page} />
      ) : (
        <RenderedBody page={page} layout={layout} />
      )}
      {page.page && page.change !== 'deleted' && (
        <PageComments branch={branch} page={page} tip={props.diff.tip} />
      )}
    </section>
  )
}

/** For maintainers: the page's source, line by line, as « Versions » compares it. */
function SourceDiff({ diff, page }: { diff: ReviewDiff; page: ReviewPage }) {
  const { t } = useTranslation()
  const [comparison, setComparison] = useState<PageComparison | null>(null)
  useEffect(() => {
    let current = true
    void attempt(async () => {
      // A renamed page is read under its old name at the base.
      const value = await api.call('versions.compare', {
        path: page.path,
        ...(page.from === undefined ? {} : { fromPath: page.from }),
        from: diff.base,
        to: diff.tip,
      })
      if (current) setComparison(value)
    })
    return () => {
      current = false
    }
  }, [diff.base, diff.tip, page.path, page.from])
  if (!comparison) return null
  return (
    <SideBySideDiff
      runs={[comparison.body]}
      label={t('review.source')}
      before={t('review.before')}
      after={t('review.after')}
    />
  )
}

function PageComments(props: { branch: string; page: ReviewPage; tip: string }) {
  const { branch, page, tip } = props
  const { t } = useTranslation()
  // Comments are read again after a comment or a decision.
  const revision = useStore(reviewStore, (state) => state.comments)
  const [comments, setComments] = useState<ReviewComment[]>([])
  useEffect(() => {
    let current = true
    void attempt(async () => {
      const list = await api.call('review.comments', { branch, path: page.path })
      if (current) setComments(list)
    })
    return () => {
      current = false
    }
  }, [branch, page.path, revision])
  return (
    <div className="review-comments">
      <h3>{t('review.comments')}</h3>
      <CommentThreads
        comments={comments}
        onReply={(comment, text) =>
          addComment({
            branch,
            path: page.path,
            blockIndex: comment.block.index,
            text,
            replyTo: comment.id,
          })
        }
        onResolve={(comment) => resolveComment(branch, comment.id)}
      />
      <NewComment branch={branch} path={page.path} tip={tip} />
    </div>
  )
}
