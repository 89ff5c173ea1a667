import type { CallResult } from '../../src-shared/api/types.js'

/**
 * How the workbench reaches main. The app's preload provides `window.atelier`
 * (Electron IPC); in a plain browser the test host is reached over HTTP. The
 * rest of the renderer never knows which one it runs on.
 */
export interface Transport {
  call(name: string, input: unknown): Promise<CallResult<unknown>>
  on(name: string, listener: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    /** The app's preload; `pathForFile` says where a dropped file is on disk. */
    atelier?: Transport & { pathForFile?(file: File): string }
  }
}

/** Where a file dropped on the window is on disk; null in a plain browser, which does not say. */
export function droppedFilePath(file: File): string | null {
  return window.atelier?.pathForFile?.(file) || null
}

export function pickTransport(): Transport {
  return window.atelier ?? hostTransport()
}

const TOKEN_KEY = 'atelier-host-token'

function hostTransport(): Transport {
  const fromUrl = new URLSearchParams(window.location.search).get('token')
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl)
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  function connect(): void {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message: MessageEvent<string>) => {
      const { name, payload } = JSON.parse(message.data) as { name: string; payload: unknown }
      for (const listener of listeners.get(name) ?? []) listener(payload)
    }
  }

  return {
    async call(name, input) {
      const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-atelier-token': token },
        body: JSON.stringify(input ?? {}),
      })
      if (!response.ok)
        return { ok: false, error: { code: 'unsupported', detail: String(response.status) } }
      return (await response.json()) as CallResult<unknown>
    },
    on(name, listener) {
      if (!source) connect()
      const set = listeners.get(name) ?? new Set()
      set.add(listener)
      listeners.set(name, set)
      return () => set.delete(listener)
    },
  }
}
