import type {
  ReceivedContribution,
  ReviewSummary,
  SentContribution,
} from '../../src-shared/api/review-types.js'
import type { MergeOutcome } from '../../src-shared/api/types.js'
import { api } from '../api/client.js'
import { createStore } from './store.js'
import { openReview } from './tabs-store.js'
import { notify, revealView } from './ui-store.js'
import { withAuthor } from './versions-actions.js'
import { refreshVersions } from './versions-store.js'
import { refreshIndex, workspaceStore } from './workspace-store.js'

interface ReviewState {
  /** The contributions to review, received and local; null before the first read. */
  reviews: ReviewSummary[] | null
  /** Bumped after what may move a contribution (a decision, a file received): its diff is read again. */
  revision: number
  /**
   * Bumped after a comment is added or resolved: only the comments are read again. The diff
   * stays: rebuilding its frames after a comment moved the page under the reviewer's pointer,
   * and a click on « Demander des modifications » landed in a frame.
   */
  comments: number
}

/** « Relecture »: shared by the side bar's list, the review tabs and the editor's comments. */
export const reviewStore = createStore<ReviewState>({ reviews: null, revision: 0, comments: 0 })

let asked = 0

/**
 * Reads the list again. Two reads may cross (a comment's, then a decision's): only the
 * answer to the latest one is kept, so an older list never replaces a newer one.
 */
export async function refreshReviews(): Promise<void> {
  const ticket = ++asked
  if (!workspaceStore.get().info) {
    reviewStore.set({ reviews: null })
    return
  }
  const reviews = await api.call('review.list', {})
  if (ticket === asked) reviewStore.set({ reviews })
}

/** Something changed a review: the list, the open review tabs and the editor's comments read again. */
async function changed(): Promise<void> {
  reviewStore.set(({ revision, comments }) => ({ revision: revision + 1, comments: comments + 1 }))
  await refreshReviews()
}

/** A comment added or resolved: the comments and the list read again, not the diff. */
async function commented(): Promise<void> {
  reviewStore.set(({ comments }) => ({ comments: comments + 1 }))
  await refreshReviews()
}

/** Sizes as people read them: « 4,2 Ko ». */
export function fileSize(bytes: number, language: string): string {
  const units = language.startsWith('fr')
    ? ['octets', 'Ko', 'Mo', 'Go']
    : ['bytes', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${units[unit]}`
}

export async function sendContribution(
  branch: string,
  full: boolean,
  file: string,
): Promise<SentContribution> {
  return api.call('review.send', { branch, full, file })
}

/**
 * Opens a received file; its first contribution's review is shown. A return of the user's own
 * contribution whose fixes were taken in shows that contribution; one whose fixes wait (both
 * sides moved, or pages not saved) shows the return, with « Reprendre les corrections ».
 */
export async function receiveContribution(file: string): Promise<ReceivedContribution> {
  const received = await api.call('review.receive', { file })
  await Promise.all([changed(), refreshVersions(), refreshIndex()])
  const first = received.branches[0]
  const returned = received.returns?.find((item) => item.received === first?.name)
  if (first && returned) {
    notify(returned.taken ? 'review.fixesTaken' : 'review.fixesWaiting', { own: returned.own })
    revealView('review')
    openReview(returned.taken ? returned.own : returned.received)
  } else if (first) {
    notify('review.received', { names: received.branches.map((branch) => branch.name).join(', ') })
    revealView('review')
    openReview(first.name)
  } else {
    notify('review.receivedNothing')
  }
  return received
}

/** « Reprendre les corrections »: the reviewer's return merged into my own contribution. */
export async function takeReviewerFixes(received: string, own: string): Promise<void> {
  await withAuthor(async () => {
    const outcome: MergeOutcome = await api
      .call('review.takeFixes', { branch: received })
      .finally(() => Promise.all([changed(), refreshVersions(), refreshIndex()]))
    if (outcome.kind === 'conflicts') {
      revealView('versions')
      notify('review.approveConflicts')
    } else {
      notify('review.fixesTaken', { own })
      openReview(own)
    }
  })
}

export async function addComment(request: {
  branch: string
  path: string
  blockIndex: number
  text: string
  replyTo?: string
}): Promise<void> {
  await withAuthor(async () => {
    await api.call('review.comment', request)
    await commented()
  })
}

export async function resolveComment(branch: string, id: string): Promise<void> {
  await withAuthor(async () => {
    await api.call('review.resolve', { branch, id })
    await commented()
  })
}

export async function requestChanges(branch: string): Promise<void> {
  await withAuthor(async () => {
    await api.call('review.requestChanges', { branch })
    await changed()
    notify('review.changesRequested')
  })
}

/** « Approuver et intégrer »: conflicts continue in « Versions »' conflict flow. */
export async function approveContribution(branch: string): Promise<void> {
  await withAuthor(async () => {
    // Whatever the outcome, the list, the versions and the pages on disk are read again.
    const outcome: MergeOutcome = await api
      .call('review.approve', { branch })
      .finally(() => Promise.all([changed(), refreshVersions(), refreshIndex()]))
    if (outcome.kind === 'conflicts') {
      revealView('versions')
      notify('review.approveConflicts')
    } else {
      notify('review.approved', { branch })
    }
  })
}
