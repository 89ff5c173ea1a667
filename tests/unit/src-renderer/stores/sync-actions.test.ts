import { describe, expect, it } from 'vitest'
import type { CallResult } from '../../../../src-shared/api/types.js'

/** main as the controller sees it: each call answered by the test's table, and recorded. */
const calls: { name: string; input: unknown }[] = []
const answers = new Map<string, (input: unknown) => CallResult<unknown>>()
const listeners = new Map<string, (payload: unknown) => void>()
Object.assign(globalThis, {
  window: {
    atelier: {
      call: async (name: string, input: unknown) => {
        calls.push({ name, input })
        return answers.get(name)?.(input) ?? { ok: true, value: null }
      },
      on: (name: string, listener: (payload: unknown) => void) => {
        listeners.set(name, listener)
        return () => listeners.delete(name)
      },
    },
  },
})

const {
  followSyncProgress,
  phaseKey,
  progressFraction,
  publish,
  syncStore,
  cloneGuide,
  needsCredentials,
} = await import('../../../../src-renderer/stores/sync-actions.js')
const { uiStore } = await import('../../../../src-renderer/stores/ui-store.js')
const { workspaceStore } = await import('../../../../src-renderer/stores/workspace-store.js')

const ORIGIN = 'https://git.example.org/equipe/guide.git'
answers.set('sync.remotes', () => ({
  ok: true,
  value: { remotes: [{ name: 'origin', url: ORIGIN }], shallow: false },
}))

describe('sync actions', () => {
  it('« Publier » refused by the host asks for credentials for its host, then publishes on retry', async () => {
    let refused = true
    answers.set('sync.push', () =>
      refused
        ? { ok: false, error: { code: 'network-auth', detail: '401' } }
        : { ok: true, value: { pushed: ['main', 'notes/atelier'], bytesSent: 1200 } },
    )
    await publish()
    const dialog = uiStore.get().dialog
    expect(dialog).toMatchObject({ kind: 'sync-credentials', url: ORIGIN })
    expect(syncStore.get().task).toBeNull()

    refused = false
    if (dialog?.kind !== 'sync-credentials') throw new Error('no dialog')
    await dialog.retry()
    expect(uiStore.get().notice).toMatchObject({
      key: 'sync.published',
      params: { refs: 'main, notes/atelier' },
    })
  })

  it('any other refusal is thrown, for the usual notice (push-diverged: receive first)', async () => {
    answers.set('sync.push', () => ({ ok: false, error: { code: 'push-diverged' } }))
    uiStore.set({ dialog: null })
    await expect(publish()).rejects.toMatchObject({ error: { code: 'push-diverged' } })
    expect(uiStore.get().dialog).toBeNull()
  })

  it('a light copy asks main for depth 1; the copy is then opened through workspace.open', async () => {
    answers.set('sync.clone', () => ({
      ok: true,
      value: { path: '/home/ana/guide', branch: 'main', head: 'a'.repeat(40), bytesReceived: 9 },
    }))
    answers.set('workspace.open', () => ({ ok: true, value: { root: '/home/ana/guide' } }))
    answers.set('settings.get', () => ({ ok: true, value: workspaceStore.get().settings }))
    answers.set('journal.list', () => ({ ok: true, value: [] }))
    answers.set('pages.index', () => ({ ok: true, value: { pages: [], collections: [] } }))
    answers.set('workspace.problems', () => ({ ok: true, value: [] }))
    answers.set('checks.list', () => ({ ok: true, value: [] }))
    calls.length = 0
    await cloneGuide({ url: ` ${ORIGIN} `, folder: '/home/ana', light: true })
    expect(calls[0]).toEqual({
      name: 'sync.clone',
      input: { url: ORIGIN, folder: '/home/ana', depth: 1 },
    })
    expect(calls.some((call) => call.name === 'workspace.open')).toBe(true)
  })

  it('shows progress only while a transfer of ours runs', async () => {
    const off = followSyncProgress()
    const tell = listeners.get('sync.progress')!
    tell({ phase: 'Receiving objects', loaded: 1, total: 2, bytes: 10 })
    expect(syncStore.get().progress).toBeNull()
    let release: (value: CallResult<unknown>) => void = () => undefined
    answers.set('sync.push', () => ({ ok: true, value: { pushed: [], bytesSent: 0 } }))
    const original = window.atelier!.call
    window.atelier!.call = (name, input) =>
      name === 'sync.push' ? new Promise((resolve) => (release = resolve)) : original(name, input)
    const publishing = publish()
    await expect.poll(() => syncStore.get().task).toBe('push')
    tell({ phase: 'Receiving objects', loaded: 1, total: 2, bytes: 10 })
    expect(progressFraction(syncStore.get().progress)).toBe(0.5)
    release({ ok: true, value: { pushed: [], bytesSent: 0 } })
    await publishing
    expect(syncStore.get()).toMatchObject({ task: null, progress: null })
    window.atelier!.call = original
    off()
  })

  it('says git’s phases in the user’s words, and when the bar cannot know', () => {
    expect(phaseKey('Receiving objects')).toBe('sync.phase.receiving')
    expect(phaseKey('Compressing objects')).toBe('sync.phase.compressing')
    expect(phaseKey('Something new')).toBe('sync.phase.other')
    expect(progressFraction({ phase: 'Downloading', loaded: 0, total: null, bytes: 5 })).toBeNull()
    expect(needsCredentials(new Error('x'))).toBe(false)
  })
})
