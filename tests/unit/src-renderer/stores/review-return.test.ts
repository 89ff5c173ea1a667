import { beforeEach, describe, expect, it } from 'vitest'
import type { ReceivedContribution } from '../../../../src-shared/api/review-types.js'
import type { CallResult, MergeOutcome } from '../../../../src-shared/api/types.js'

/** main as the store sees it: each call answered by the test's table, and recorded. */
const calls: { name: string; input: unknown }[] = []
const answers = new Map<string, (input: unknown) => CallResult<unknown>>()
Object.assign(globalThis, {
  window: {
    atelier: {
      call: async (name: string, input: unknown) => {
        calls.push({ name, input })
        return answers.get(name)?.(input) ?? { ok: true, value: null }
      },
      on: () => () => undefined,
    },
  },
})

const { receiveContribution, takeReviewerFixes } =
  await import('../../../../src-renderer/stores/review-store.js')
const { tabsStore } = await import('../../../../src-renderer/stores/tabs-store.js')
const { uiStore } = await import('../../../../src-renderer/stores/ui-store.js')
const { workspaceStore } = await import('../../../../src-renderer/stores/workspace-store.js')

const TIP = 'a'.repeat(40)

function received(taken: MergeOutcome | null): ReceivedContribution {
  return {
    branches: [{ name: 'recu/aminata', oid: TIP }],
    notes: null,
    returns: [{ received: 'recu/aminata', own: 'aminata', taken }],
  }
}

beforeEach(() => {
  calls.length = 0
  tabsStore.set({ tabs: [], active: null })
  uiStore.set({ notice: null })
})

describe('opening a reviewer’s return', () => {
  it('shows my own contribution when his fixes were taken in', async () => {
    answers.set('review.receive', () => ({
      ok: true,
      value: received({ kind: 'fast-forward', oid: TIP }),
    }))
    await receiveContribution('/clé/retour.bundle')
    expect(uiStore.get().notice).toMatchObject({
      key: 'review.fixesTaken',
      params: { own: 'aminata' },
    })
    expect(tabsStore.get().active).toBe('review:aminata')
  })

  it('shows the return, to take his fixes in, when they wait', async () => {
    answers.set('review.receive', () => ({ ok: true, value: received(null) }))
    await receiveContribution('/clé/retour.bundle')
    expect(uiStore.get().notice).toMatchObject({ key: 'review.fixesWaiting' })
    expect(tabsStore.get().active).toBe('review:recu/aminata')
  })

  it('« Reprendre les corrections » merges, or continues in « Versions » on conflicts', async () => {
    workspaceStore.set(({ settings }) => ({
      settings: { ...settings, author: { name: 'Aminata', email: 'a@example.org' } },
    }))
    answers.set('review.takeFixes', () => ({
      ok: true,
      value: { kind: 'merged', oid: TIP },
    }))
    await takeReviewerFixes('recu/aminata', 'aminata')
    expect(calls.find((call) => call.name === 'review.takeFixes')?.input).toEqual({
      branch: 'recu/aminata',
    })
    expect(uiStore.get().notice).toMatchObject({ key: 'review.fixesTaken' })
    expect(tabsStore.get().active).toBe('review:aminata')

    answers.set('review.takeFixes', () => ({
      ok: true,
      value: { kind: 'conflicts', conflicts: ['cas/senegal.md'] },
    }))
    await takeReviewerFixes('recu/aminata', 'aminata')
    expect(uiStore.get().notice).toMatchObject({ key: 'review.approveConflicts' })
    expect(uiStore.get().view).toBe('versions')
  })
})
