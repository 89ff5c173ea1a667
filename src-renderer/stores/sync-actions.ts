import type {
  ClonedGuide,
  ReceiveOutcome,
  SyncProgressEvent,
  SyncRemotes,
} from '../../src-shared/api/sync-types.js'
import { api, ApiFailure } from '../api/client.js'
import { saveActivePage } from './active-editor.js'
import { requestOpenWorkspace } from './close-tab.js'
import { createStore } from './store.js'
import { notify, openDialog, revealView } from './ui-store.js'
import { withAuthor } from './versions-actions.js'
import { refreshVersions } from './versions-store.js'
import { workspaceStore } from './workspace-store.js'

/**
 * The guide online, for the palette, the Versions view and « Réglages »: one
 * transfer at a time, its progress as main tells it, « Annuler », and the
 * user name and token asked when a host refuses (then the same action again).
 * Refusals are thrown; callers wrap them in `attempt`.
 */
export type SyncTask = 'clone' | 'pull' | 'push' | 'deepen'

interface SyncState {
  /** The transfer under way, if any. */
  task: SyncTask | null
  progress: SyncProgressEvent | null
  /** The open guide's servers (null until read). */
  remotes: SyncRemotes | null
}

export const syncStore = createStore<SyncState>({ task: null, progress: null, remotes: null })

/**
 * Progress events count only while a transfer of ours runs (a late one is dropped); the
 * servers are read again for each folder opened (the palette offers « Charger tout
 * l'historique » only for a light copy).
 */
export function followSyncProgress(): () => void {
  const offProgress = api.on('sync.progress', (progress) => {
    if (syncStore.get().task) syncStore.set({ progress })
  })
  let root: string | undefined
  const offWorkspace = workspaceStore.subscribe(() => {
    const next = workspaceStore.get().info?.root
    if (next === root) return
    root = next
    syncStore.set({ remotes: null })
    if (next) void refreshRemotes().catch(() => undefined)
  })
  return () => {
    offProgress()
    offWorkspace()
  }
}

async function running<T>(task: SyncTask, work: () => Promise<T>): Promise<T> {
  if (syncStore.get().task) throw new ApiFailure({ code: 'sync-busy', detail: task })
  syncStore.set({ task, progress: null })
  try {
    return await work()
  } finally {
    syncStore.set({ task: null, progress: null })
  }
}

/** « Annuler »: main stops the transfer, which then fails with `network-cancelled`. */
export async function cancelSync(): Promise<void> {
  await api.call('sync.cancel', {})
}

/** A refusal that a user name and a token may lift (401, 403). */
export function needsCredentials(error: unknown): boolean {
  return (
    error instanceof ApiFailure &&
    (error.error.code === 'network-auth' || error.error.code === 'network-forbidden')
  )
}

/** The host part of an address, as the credentials dialog names it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export async function setCredentials(url: string, username: string, token: string): Promise<void> {
  await api.call('sync.credentials.set', { url, username: username.trim(), token })
}

/**
 * Runs a transfer with the open guide's server; when the host refuses, the credentials
 * dialog asks for a user name and a token and runs it again (and again, until it passes
 * or the user gives up: each refusal is shown in the dialog).
 */
async function withCredentials(action: () => Promise<void>): Promise<void> {
  try {
    await action()
  } catch (error) {
    if (!needsCredentials(error)) throw error
    const url = (await originUrl()) ?? ''
    openDialog({ kind: 'sync-credentials', url, retry: action })
  }
}

/** `origin`'s address (never with credentials); null when the guide has none. */
async function originUrl(): Promise<string | null> {
  const remotes = syncStore.get().remotes ?? (await refreshRemotes())
  return (
    (remotes.remotes.find((remote) => remote.name === 'origin') ?? remotes.remotes[0])?.url ?? null
  )
}

export async function refreshRemotes(): Promise<SyncRemotes> {
  const remotes = await api.call('sync.remotes', {})
  syncStore.set({ remotes })
  return remotes
}

export interface CloneForm {
  url: string
  folder: string
  /** « Copie légère »: depth 1. */
  light: boolean
}

/**
 * « Ouvrir un guide en ligne… »: copies the guide, then opens it as « Ouvrir un dossier »
 * does (the open pages' unsaved changes asked about first). Throws on refusal, so that
 * the dialog can ask for credentials in place and try again.
 */
export async function cloneGuide(form: CloneForm): Promise<ClonedGuide> {
  // Still busy while the copy opens: « Annuler » has nothing left to stop, the dialog stays.
  const cloned = await running('clone', async () => {
    const copy = await api.call('sync.clone', {
      url: form.url.trim(),
      folder: form.folder.trim(),
      ...(form.light ? { depth: 1 } : {}),
    })
    await requestOpenWorkspace(copy.path)
    return copy
  })
  notify('sync.cloned', { path: cloned.path })
  return cloned
}

const RECEIVE_NOTICES: Record<Exclude<ReceiveOutcome['kind'], 'conflicts'>, string> = {
  'up-to-date': 'sync.upToDate',
  'fast-forward': 'sync.fastForward',
  merged: 'sync.merged',
}

/** « Recevoir les nouveautés »: conflicts go to the Versions view's usual flow. */
export function receiveNews(): Promise<void> {
  revealView('versions')
  return withCredentials(async () => {
    // The text being typed is on disk before the merge reads the pages.
    await saveActivePage()
    await withAuthor(async () => {
      const outcome = await running('pull', () => api.call('sync.pull', {})).finally(
        refreshVersions,
      )
      if (outcome.kind === 'conflicts') notify('sync.conflicts')
      else notify(RECEIVE_NOTICES[outcome.kind])
    })
  })
}

/** « Publier »: refused in French (receive first) when the host has versions this copy lacks. */
export function publish(): Promise<void> {
  revealView('versions')
  return withCredentials(async () => {
    const report = await running('push', () => api.call('sync.push', {}))
    if (report.pushed.length === 0) notify('sync.nothingToPublish')
    else notify('sync.published', { refs: report.pushed.join(', ') })
  })
}

/** « Charger tout l'historique » of a light copy. */
export function loadFullHistory(): Promise<void> {
  revealView('versions')
  return withCredentials(async () => {
    const remotes = await running('deepen', () => api.call('sync.deepen', {})).finally(
      refreshVersions,
    )
    syncStore.set({ remotes })
    notify('sync.deepened')
  })
}

/** Catalogue key of a git phase, in the user's words. */
export function phaseKey(phase: string): string {
  switch (phase) {
    case 'Enumerating objects':
    case 'Counting objects':
      return 'sync.phase.counting'
    case 'Compressing objects':
      return 'sync.phase.compressing'
    case 'Downloading':
      return 'sync.phase.downloading'
    case 'Receiving objects':
      return 'sync.phase.receiving'
    case 'Resolving deltas':
      return 'sync.phase.resolving'
    case 'Analyzing workdir':
    case 'Updating workdir':
      return 'sync.phase.writing'
    default:
      return 'sync.phase.other'
  }
}

/** The bar's value and maximum: null while git cannot say how much is left (indeterminate). */
export function progressFraction(progress: SyncProgressEvent | null): number | null {
  if (!progress || progress.total === null || progress.total <= 0) return null
  return Math.min(1, progress.loaded / progress.total)
}
