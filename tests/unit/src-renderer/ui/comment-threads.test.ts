import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReviewComment } from '../../../../src-shared/api/review-types.js'
import { commentThreads } from '../../../../src-renderer/ui/comment-threads.js'

function comment(id: string, date: string, replyTo: string | null = null): ReviewComment {
  return {
    id,
    commit: 'a'.repeat(40),
    author: { name: 'Aminata', email: 'a@example.org' },
    date,
    path: 'cas/senegal.md',
    block: { index: 0, hash: 'h', excerpt: 'Au Sénégal' },
    text: `texte ${id}`,
    replyTo,
    resolved: false,
  }
}

describe('commentThreads', () => {
  it('puts replies, and replies to replies, under the comment that started the discussion', () => {
    const threads = commentThreads([
      comment('c', '2026-01-03T00:00:00Z', 'b'),
      comment('a', '2026-01-01T00:00:00Z'),
      comment('b', '2026-01-02T00:00:00Z', 'a'),
      comment('d', '2026-01-04T00:00:00Z'),
    ])
    expect(threads.map((thread) => [thread.root.id, thread.replies.map((r) => r.id)])).toEqual([
      ['a', ['b', 'c']],
      ['d', []],
    ])
  })

  it('keeps every comment exactly once, whatever the replies point to (even cycles)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(...ids),
            day: fc.integer({ min: 1, max: 28 }),
            replyTo: fc.option(fc.constantFrom(...ids, 'absent')),
          }),
          { maxLength: 5 },
        ),
        (drafts) => {
          const unique = [...new Map(drafts.map((draft) => [draft.id, draft])).values()]
          const comments = unique.map((draft) =>
            comment(
              draft.id,
              `2026-01-${String(draft.day).padStart(2, '0')}T00:00:00Z`,
              draft.replyTo,
            ),
          )
          const shown = commentThreads(comments).flatMap((thread) => [
            thread.root.id,
            ...thread.replies.map((reply) => reply.id),
          ])
          expect(new Set(shown).size).toBe(shown.length)
          expect([...shown].sort()).toEqual(comments.map((entry) => entry.id).sort())
        },
      ),
    )
  })
})
