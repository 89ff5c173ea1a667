import type { MergeOutcome } from '../../src-shared/api/types.js'
import { api } from '../api/client.js'
import { saveActivePage } from './active-editor.js'
import { notify, openDialog, revealView } from './ui-store.js'
import { refreshVersions, versionsStore } from './versions-store.js'
import { refreshIndex, workspaceStore } from './workspace-store.js'

/**
 * What the Versions view, the status bar and the palette do with the
 * history. Each action reads the status again afterwards; refusals from main
 * are thrown (callers wrap them in `attempt`).
 */

async function afterwards<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } finally {
    await refreshVersions()
  }
}

/** Runs `then` once the author is known, asking for it first when needed. */
export async function withAuthor(then: () => Promise<unknown>): Promise<void> {
  if (workspaceStore.get().settings.author) {
    await then()
    return
  }
  openDialog({ kind: 'author', then })
}

export async function changeAuthor(name: string, email: string): Promise<void> {
  workspaceStore.set({ settings: await api.call('settings.setAuthor', { name, email }) })
}

export function startHistory(): Promise<void> {
  return withAuthor(() => afterwards(() => api.call('versions.start', {})))
}

/** « Enregistrer une version » of every change, with the message being written. */
export async function saveVersion(): Promise<void> {
  const message = versionsStore.get().message.trim()
  if (!message) {
    revealView('versions')
    notify('versions.messageMissing')
    return
  }
  // The text being typed goes into the version too.
  await saveActivePage()
  await withAuthor(async () => {
    await afterwards(() => api.call('versions.commit', { message }))
    versionsStore.set({ message: '' })
    notify('versions.saved')
  })
}

export async function restoreVersion(path: string, version: string): Promise<void> {
  await afterwards(() => api.call('versions.restore', { path, version }))
  notify('versions.restored')
}

/** « Remettre la page »: from Atelier's trash when it is there, else from the last version. */
export async function restoreDeletedPage(path: string): Promise<void> {
  const entry = versionsStore.get().trash.find((deleted) => deleted.path === path)
  await afterwards<unknown>(() =>
    entry
      ? api.call('trash.restore', { id: entry.id })
      : api.call('versions.restore', { path, version: 'HEAD' }),
  )
  await refreshIndex()
  notify('versions.pageRestored', { title: entry?.title ?? path.split('/').pop() ?? path })
}

export async function createContribution(name: string): Promise<void> {
  await saveActivePage()
  await afterwards(() => api.call('versions.createContribution', { name }))
  notify('versions.contribution.switched', { name })
}

export async function switchContribution(name: string): Promise<void> {
  await saveActivePage()
  await afterwards(() => api.call('versions.switchContribution', { name }))
  notify('versions.contribution.switched', { name })
}

export async function deleteContribution(name: string): Promise<void> {
  await afterwards(() => api.call('versions.deleteContribution', { name }))
  notify('versions.contribution.deleted', { name })
}

const MERGE_NOTICES: Record<Exclude<MergeOutcome['kind'], 'conflicts'>, string> = {
  'fast-forward': 'versions.contribution.fastForward',
  merged: 'versions.contribution.mergedNotice',
  'already-merged': 'versions.contribution.alreadyMerged',
}

/** Merges a contribution into the current one; conflicts show in the Versions view. */
export async function mergeContribution(name: string): Promise<void> {
  await saveActivePage()
  await withAuthor(async () => {
    const outcome = await afterwards(() => api.call('versions.merge', { name }))
    if (outcome.kind === 'conflicts') revealView('versions')
    else notify(MERGE_NOTICES[outcome.kind], { name })
  })
}

export async function resolveConflict(
  path: string,
  choice: { choice: 'mine' } | { choice: 'theirs' } | { choice: 'text'; text: string },
): Promise<void> {
  await afterwards(() => api.call('versions.resolve', { path, ...choice }))
  const page = workspaceStore.get().index?.pages.find((entry) => entry.path === path)
  notify('versions.conflict.resolved', { page: page?.title ?? path })
}

export async function abortMerge(): Promise<void> {
  await afterwards(() => api.call('versions.abortMerge', {}))
  await refreshIndex()
  notify('versions.conflict.aborted')
}

export async function clearLock(): Promise<void> {
  await afterwards(() => api.call('versions.clearLock', {}))
  notify('versions.lock.cleared')
}
