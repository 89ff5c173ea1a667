import type { SyncProgressEvent } from '../../src-shared/api/sync-types.js'
import type { SyncProgress } from './remote-options.js'

/** Often enough for a bar that moves, rarely enough not to flood IPC with one event per object. */
export const PROGRESS_INTERVAL_MS = 100

export interface ProgressRelay {
  onProgress(event: SyncProgress): void
  onReceived(bytes: number): void
}

/**
 * Turns git's progress (one call per object while indexing) and the transport's byte
 * counts into `sync.progress` events: a new phase is told at once, the rest at most
 * every `intervalMs`, and the end of a phase (loaded = total) always. The last state
 * is never lost: held back, it is told when the interval is over (a transfer that
 * stalls still shows what had arrived).
 */
export function createProgressRelay(
  emit: (event: SyncProgressEvent) => void,
  options: {
    intervalMs?: number
    now?: () => number
    schedule?: (run: () => void, ms: number) => unknown
  } = {},
): ProgressRelay {
  const intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS
  const now = options.now ?? Date.now
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms).unref())
  let last: SyncProgressEvent = { phase: '', loaded: 0, total: null, bytes: 0 }
  let lastAt = -Infinity
  let held = false
  const flush = () => {
    lastAt = now()
    held = false
    emit(last)
  }
  const tell = (next: SyncProgressEvent, urgent: boolean) => {
    last = next
    const wait = intervalMs - (now() - lastAt)
    if (urgent || wait <= 0) return flush()
    if (held) return
    held = true
    schedule(() => {
      if (held) flush()
    }, wait)
  }
  return {
    onProgress: ({ phase, loaded, total }) => {
      const urgent = phase !== last.phase || (total !== null && loaded >= total)
      tell({ phase, loaded, total, bytes: last.bytes }, urgent)
    },
    onReceived: (bytes) => {
      // Before git names a phase, the bytes alone say the transfer is moving.
      const phase = last.phase || 'Downloading'
      tell({ ...last, phase, bytes }, last.phase === '')
    },
  }
}
