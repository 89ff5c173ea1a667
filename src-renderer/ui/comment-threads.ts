import type { ReviewComment } from '../../src-shared/api/review-types.js'

/** A comment and its replies, oldest first: how a discussion on a passage reads. */
export interface CommentThread {
  root: ReviewComment
  replies: ReviewComment[]
}

/**
 * Groups comments into threads. A reply whose comment is missing (it was on a
 * page not asked for, or its file has not arrived yet) is shown as a thread of
 * its own rather than lost; so is each reply of a cycle.
 */
export function commentThreads(comments: readonly ReviewComment[]): CommentThread[] {
  const byDate = [...comments].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  )
  const ids = new Set(byDate.map((comment) => comment.id))
  const threads = new Map<string, CommentThread>()
  for (const comment of byDate) {
    if (comment.replyTo === null || !ids.has(comment.replyTo)) {
      threads.set(comment.id, { root: comment, replies: [] })
    }
  }
  for (const comment of byDate) {
    if (comment.replyTo === null || !ids.has(comment.replyTo)) continue
    const thread = threads.get(rootOf(comment, byDate))
    // Replies that only answer each other (a cycle, from a damaged file) start their own thread.
    if (thread) thread.replies.push(comment)
    else threads.set(comment.id, { root: comment, replies: [] })
  }
  return [...threads.values()]
}

/** Replies to replies belong to the first comment of their chain. */
function rootOf(comment: ReviewComment, all: readonly ReviewComment[]): string {
  const byId = new Map(all.map((entry) => [entry.id, entry]))
  let current = comment
  const seen = new Set<string>()
  while (current.replyTo !== null && byId.has(current.replyTo) && !seen.has(current.id)) {
    seen.add(current.id)
    current = byId.get(current.replyTo)!
  }
  return current.id
}
