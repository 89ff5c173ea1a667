import { describe, expect, it } from 'vitest'
import type { ReviewSummary } from '../../../../src-shared/api/review-types.js'
import type { WorkspaceInfo } from '../../../../src-shared/api/types.js'

/** Answers to `review.list` that the test releases in the order it chooses. */
const pending: ((value: ReviewSummary[]) => void)[] = []
Object.assign(globalThis, {
  window: {
    atelier: {
      call: (name: string) =>
        name === 'review.list'
          ? new Promise((resolve) => pending.push((value) => resolve({ ok: true, value })))
          : Promise.resolve({ ok: true, value: null }),
      on: () => () => undefined,
    },
  },
})

const { refreshReviews, reviewStore } =
  await import('../../../../src-renderer/stores/review-store.js')
const { workspaceStore } = await import('../../../../src-renderer/stores/workspace-store.js')

function summary(status: ReviewSummary['status']): ReviewSummary {
  return {
    branch: 'recu/aminata',
    tip: 'a'.repeat(40),
    base: null,
    author: { name: 'Aminata', email: 'a@example.org' },
    date: '2026-12-02T08:00:00Z',
    pages: [],
    status,
    comments: 1,
    unresolved: 1,
    takeInto: null,
  }
}

describe('refreshReviews', () => {
  it('keeps the answer to the latest read when two reads cross', async () => {
    workspaceStore.set({ info: { root: '/guide' } as WorkspaceInfo })
    const older = refreshReviews()
    const newer = refreshReviews()
    // The newer read answers first (after a decision), the older one last (after a comment).
    pending[1]!([summary('changes-requested')])
    await newer
    pending[0]!([summary('commented')])
    await older
    expect(reviewStore.get().reviews?.[0]?.status).toBe('changes-requested')
  })
})
