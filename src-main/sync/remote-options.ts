import type { AuthCallback, ProgressCallback } from 'isomorphic-git'
import type { CredentialsProvider } from './credentials.js'
import { createTransport, TransferError, type TransferSignal, type Transport } from './transport.js'

/** The phases isomorphic-git reports itself, where a thrown error stops the command. */
const LOCAL_PHASES = new Set([
  'Receiving objects',
  'Resolving deltas',
  'Analyzing workdir',
  'Updating workdir',
])

/** What every command that talks to a host takes. */
export interface RemoteOptions {
  credentials: CredentialsProvider
  /** Progress of the transfer: git's phases (« Receiving objects »…), loaded and total. */
  onProgress?: (event: SyncProgress) => void
  /** Set `aborted` to stop (« Annuler »): the command then fails with `network-cancelled`. */
  signal?: TransferSignal
  /** No byte for this long ends the transfer (`network-timeout`). */
  idleMs?: number
  /** Bytes received so far, told as they arrive (git's own phases do not count them). */
  onReceived?: (bytes: number) => void
}

export interface SyncProgress {
  phase: string
  loaded: number
  total: number | null
}

/** The transport and callbacks isomorphic-git takes, built from `RemoteOptions`. */
export function remoteArguments(options: RemoteOptions): {
  http: Transport
  onAuth: AuthCallback
  onProgress: ProgressCallback
} {
  const http = createTransport({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
    ...(options.onReceived ? { onReceived: options.onReceived } : {}),
  })
  return {
    http,
    // Asked only when the host answers 401; no credentials: the 401 stands.
    onAuth: (url) => options.credentials.forUrl(url) ?? undefined,
    onProgress: (event) => {
      options.onProgress?.({ phase: event.phase, loaded: event.loaded, total: event.total ?? null })
      // isomorphic-git's own steps (indexing, checkout) stop on « Annuler » too; the
      // server's progress lines are relayed where an error would go unheard.
      if (options.signal?.aborted && LOCAL_PHASES.has(event.phase)) {
        throw new TransferError('cancelled')
      }
    },
  }
}
