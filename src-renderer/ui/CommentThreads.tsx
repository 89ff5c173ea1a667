import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewComment } from '../../src-shared/api/review-types.js'
import { commentThreads } from './comment-threads.js'
import { attempt } from './report-failure.js'

/**
 * Discussions on the passages of a page: each comment with its replies, a
 * reply field and « Résolu ». What to do with a reply or a resolution comes
 * in as props: the review tab and the editor's margin both show these.
 */
export function CommentThreads(props: {
  comments: readonly ReviewComment[]
  onReply(comment: ReviewComment, text: string): Promise<unknown>
  onResolve(comment: ReviewComment): Promise<unknown>
  /** Shows the passage a comment is on (the editor scrolls to it). */
  onShow?(comment: ReviewComment): void
}) {
  const { t, i18n } = useTranslation()
  return (
    <ol className="comment-threads">
      {commentThreads(props.comments).map(({ root, replies }) => (
        <li
          key={root.id}
          className={`comment-thread${root.resolved ? ' resolved' : ''}`}
          data-comment={root.id}
        >
          <p className="comment-anchor">
            {props.onShow ? (
              <button type="button" className="link-button" onClick={() => props.onShow?.(root)}>
                {t('review.commentOn', { excerpt: root.block.excerpt })}
              </button>
            ) : (
              t('review.commentOn', { excerpt: root.block.excerpt })
            )}
            {root.outdated && <span className="comment-outdated"> · {t('review.outdated')}</span>}
            {root.resolved && <span className="comment-resolved"> · {t('review.resolved')}</span>}
          </p>
          {[root, ...replies].map((comment) => (
            <div key={comment.id} className="comment">
              <p className="comment-meta">
                <strong>{comment.author.name}</strong> ·{' '}
                <time dateTime={comment.date}>
                  {new Date(comment.date).toLocaleString(i18n.language, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  })}
                </time>
              </p>
              <p className="comment-text">{comment.text}</p>
            </div>
          ))}
          {!root.resolved && (
            <ReplyForm
              onReply={(text) => props.onReply(root, text)}
              onResolve={() => props.onResolve(root)}
            />
          )}
        </li>
      ))}
    </ol>
  )
}

function ReplyForm(props: {
  onReply(text: string): Promise<unknown>
  onResolve(): Promise<unknown>
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    const done = await attempt(action)
    setBusy(false)
    return done
  }
  return (
    <form
      className="comment-reply"
      onSubmit={(event) => {
        event.preventDefault()
        if (!text.trim()) return
        void run(() => props.onReply(text.trim())).then((done) => done && setText(''))
      }}
    >
      <textarea
        aria-label={t('review.replyText')}
        placeholder={t('review.replyText')}
        rows={1}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="comment-actions">
        <button type="submit" className="button secondary" disabled={busy || !text.trim()}>
          {t('review.reply')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void run(props.onResolve)}
        >
          <span className="codicon codicon-check" aria-hidden="true" />
          {t('review.resolve')}
        </button>
      </div>
    </form>
  )
}
