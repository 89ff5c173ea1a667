import type { Editor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewComment } from '../../src-shared/api/review-types.js'
import { api } from '../api/client.js'
import { addComment, resolveComment, reviewStore } from '../stores/review-store.js'
import { useStore } from '../stores/store.js'
import { versionsStore } from '../stores/versions-store.js'
import { CommentThreads } from '../ui/CommentThreads.js'
import { attempt } from '../ui/report-failure.js'
import { showCommentedPassages, type CommentedPassage } from './comment-marks.js'

/**
 * The reviewers' comments on this page of the contribution being written:
 * each passage commented on is marked in the text's margin with its count,
 * and the threads are listed above the text with the passage they are on, the
 * replies, and « Résolu ». Nothing is shown when there are none.
 */
export function EditorComments({ path, editor }: { path: string; editor: Editor | null }) {
  const { t } = useTranslation()
  const branch = useStore(versionsStore, (state) => state.status?.branch ?? null)
  // Comments are read again after a comment or a decision.
  const revision = useStore(reviewStore, (state) => state.comments)
  const [comments, setComments] = useState<ReviewComment[]>([])

  useEffect(() => {
    let current = true
    if (!branch) return
    void attempt(async () => {
      const list = await api.call('review.comments', { branch, path })
      if (current) setComments(list)
    })
    return () => {
      current = false
    }
  }, [branch, path, revision])

  // The margin follows the comments: each passage with its count, stronger while one is open.
  // Told to the editor only when they differ from what it shows: a transaction dispatched while
  // a key is being typed can meet the browser's own change to the text (seen in e2e: a letter
  // typed at a new paragraph's start landed at its end), and a page without comments has none.
  const shown = useRef('[]')
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const passages = commentedPassages(branch ? comments : [], t)
    const key = JSON.stringify(passages)
    if (key === shown.current) return
    shown.current = key
    editor.view.dispatch(showCommentedPassages(editor.state, passages))
  }, [editor, branch, comments, t])

  if (!branch || comments.length === 0) return null
  const open = comments.filter((comment) => !comment.resolved).length
  return (
    <aside className="editor-comments" aria-label={t('review.editorComments')}>
      <details open={open > 0}>
        <summary>
          <span className="codicon codicon-comment-discussion" aria-hidden="true" />{' '}
          {t('review.editorComments')} · {t('review.commentsCount', { count: comments.length })}
          {open > 0 && ` · ${t('review.unresolved', { count: open })}`}
        </summary>
        <p className="editor-comments-hint">{t('review.editorCommentsHint')}</p>
        <CommentThreads
          comments={comments}
          onReply={(comment, text) =>
            addComment({
              branch,
              path,
              blockIndex: comment.block.index,
              text,
              replyTo: comment.id,
            })
          }
          onResolve={(comment) => resolveComment(branch, comment.id)}
          onShow={(comment) => showPassage(comment.block.excerpt)}
        />
      </details>
    </aside>
  )
}

/** Scrolls the text to the passage a comment is on: the first block that starts with its words. */
function showPassage(excerpt: string): void {
  const words = excerpt
    .replace(/[…\s]+$/, '')
    .trim()
    .slice(0, 40)
  if (!words) return
  const blocks = document.querySelectorAll<HTMLElement>('.page-editor .ProseMirror > *')
  for (const block of blocks) {
    if ((block.textContent ?? '').replace(/\s+/g, ' ').includes(words.replace(/\s+/g, ' '))) {
      block.scrollIntoView({ block: 'center' })
      block.classList.add('comment-target')
      setTimeout(() => block.classList.remove('comment-target'), 1500)
      return
    }
  }
}

/** One margin note per passage: its threads counted, with those still to deal with. */
function commentedPassages(
  comments: ReviewComment[],
  t: (key: string, options?: Record<string, unknown>) => string,
): CommentedPassage[] {
  const byPassage = new Map<string, { count: number; open: number }>()
  for (const comment of comments) {
    if (comment.outdated) continue
    const counted = byPassage.get(comment.block.excerpt) ?? { count: 0, open: 0 }
    counted.count++
    if (comment.replyTo === null && !comment.resolved) counted.open++
    byPassage.set(comment.block.excerpt, counted)
  }
  return [...byPassage].map(([excerpt, { count, open }]) => ({
    excerpt,
    open: open > 0,
    label:
      t('review.commentsCount', { count }) +
      (open > 0 ? ` · ${t('review.unresolved', { count: open })}` : ''),
  }))
}
