import { describe, expect, it } from 'vitest'
import { createProgressRelay } from '../../../../src-main/sync/progress-relay.js'
import type { SyncProgressEvent } from '../../../../src-shared/api/sync-types.js'

describe('createProgressRelay', () => {
  it('tells a new phase and a phase’s end at once, the rest at most every interval, with the bytes', () => {
    let now = 0
    const told: SyncProgressEvent[] = []
    const timers: (() => void)[] = []
    const relay = createProgressRelay((event) => told.push(event), {
      intervalMs: 100,
      now: () => now,
      schedule: (run) => timers.push(run),
    })
    relay.onReceived(500)
    expect(told).toEqual([{ phase: 'Downloading', loaded: 0, total: null, bytes: 500 }])
    relay.onProgress({ phase: 'Receiving objects', loaded: 1, total: 1000 })
    for (let loaded = 2; loaded < 1000; loaded++) {
      relay.onProgress({ phase: 'Receiving objects', loaded, total: 1000 })
    }
    expect(told).toHaveLength(2)
    expect(timers).toHaveLength(1)
    now = 150
    relay.onProgress({ phase: 'Receiving objects', loaded: 999, total: 1000 })
    now = 160
    relay.onProgress({ phase: 'Receiving objects', loaded: 1000, total: 1000 })
    expect(told.slice(2)).toEqual([
      { phase: 'Receiving objects', loaded: 999, total: 1000, bytes: 500 },
      { phase: 'Receiving objects', loaded: 1000, total: 1000, bytes: 500 },
    ])
    relay.onProgress({ phase: 'Resolving deltas', loaded: 0, total: 10 })
    expect(told.at(-1)?.phase).toBe('Resolving deltas')
  })

  it('tells the last state held back once the interval is over, even when nothing follows', () => {
    let now = 0
    const told: SyncProgressEvent[] = []
    const timers: (() => void)[] = []
    const relay = createProgressRelay((event) => told.push(event), {
      intervalMs: 100,
      now: () => now,
      schedule: (run) => timers.push(run),
    })
    relay.onReceived(374)
    relay.onReceived(20_000)
    relay.onReceived(30_000)
    expect(told.map((event) => event.bytes)).toEqual([374])
    now = 100
    for (const run of timers.splice(0)) run()
    expect(told.map((event) => event.bytes)).toEqual([374, 30_000])
  })
})
