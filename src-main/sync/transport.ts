import http from 'node:http'
import https from 'node:https'
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git'
import nodeHttp from 'isomorphic-git/http/node'

/**
 * isomorphic-git's Node client with what a slow, costly connection needs:
 * cancellation (checked before each request and each received chunk), a
 * silence limit (no byte for `idleMs` ends the transfer), and a count of the
 * bytes received and sent, for the progress bar and the benchmark.
 */
export interface TransferSignal {
  readonly aborted: boolean
  /** An `AbortSignal` also stops a transfer waiting for the server's next bytes, at once. */
  addEventListener?(type: 'abort', listener: () => void): void
  removeEventListener?(type: 'abort', listener: () => void): void
}

export interface Transport extends HttpClient {
  readonly bytes: { received: number; sent: number }
}

/** Thrown by the transport; `network-errors.ts` turns each into the user's words. */
export class TransferError extends Error {
  constructor(readonly kind: 'cancelled' | 'timeout' | 'cut') {
    super(kind)
    this.name = 'TransferError'
  }
}

export const DEFAULT_IDLE_MS = 30_000

/**
 * Connections kept for the next request, with no timeout of their own: Node's global agent
 * closes a socket after 5 s without a byte, which cut transfers from a server busy preparing
 * a large pack on a slow line. Silence is `idleMs`'s to judge.
 */
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
}

export function createTransport(
  options: {
    signal?: TransferSignal
    idleMs?: number
    /** Told the total of bytes received after each chunk (the progress bar's bytes). */
    onReceived?: (bytes: number) => void
  } = {},
): Transport {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS
  const bytes = { received: 0, sent: 0 }
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new TransferError('cancelled')
  }

  async function request(request: GitHttpRequest): Promise<GitHttpResponse> {
    checkCancelled()
    // Ending a transfer (silence, « Annuler ») closes its connection too, rather than leave it open.
    const connection = new AbortController()
    const stop = (kind: 'cancelled' | 'timeout'): never => {
      connection.abort()
      throw new TransferError(kind)
    }
    const guard = () => {
      if (options.signal?.aborted) stop('cancelled')
    }
    const body = request.body ? countSent(request.body, bytes) : undefined
    const response = await withinSilence(
      nodeHttp.request({
        ...request,
        ...(body ? { body } : {}),
        signal: connection.signal,
        agent: request.url.startsWith('https:') ? agents.https : agents.http,
        // No redirect is followed down here: a redirected upload loses its body, and the
        // HTTP client would carry the token to another scheme or port of the same host.
        // The first request of an exchange follows them itself (`discover-refs.ts`).
        fetchOptions: { followRedirects: false },
      } as GitHttpRequest),
      idleMs,
      options.signal,
    ).catch((error: unknown) => {
      if (error instanceof TransferError && error.kind !== 'cut') stop(error.kind)
      throw error
    })
    guard()
    const source = response.body
    if (!source) return response
    const iterator = source[Symbol.asyncIterator]()
    const counted: AsyncIterableIterator<Uint8Array> = {
      async next() {
        guard()
        let result: IteratorResult<Uint8Array>
        try {
          result = await withinSilence(iterator.next(), idleMs, options.signal)
        } catch (error) {
          if (error instanceof TransferError && error.kind !== 'cut') stop(error.kind)
          // The connection dropped while the server was still answering.
          throw new TransferError('cut')
        }
        guard()
        if (!result.done) {
          bytes.received += result.value.length
          options.onReceived?.(bytes.received)
        }
        return result
      },
      [Symbol.asyncIterator]() {
        return this
      },
    }
    return { ...response, body: counted }
  }

  return { request, bytes }
}

async function* countSent(
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  bytes: { sent: number },
): AsyncIterableIterator<Uint8Array> {
  for await (const chunk of body) {
    bytes.sent += chunk.length
    yield chunk
  }
}

function withinSilence<T>(
  promise: Promise<T>,
  idleMs: number,
  signal?: TransferSignal,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransferError('timeout')), idleMs)
    onAbort = () => reject(new TransferError('cancelled'))
    signal?.addEventListener?.('abort', onAbort)
  })
  return Promise.race([promise, silence]).finally(() => {
    clearTimeout(timer)
    if (onAbort) signal?.removeEventListener?.('abort', onAbort)
  })
}
