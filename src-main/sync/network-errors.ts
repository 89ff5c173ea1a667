import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { ErrorCode } from '../../src-shared/api/types.js'
import { TransferError } from './transport.js'

/**
 * Every way talking to a git host fails, as one error code with a French
 * message (`errors.<code>`) saying what to do. The detail keeps the host's or
 * the system's words for the logs, never for the message.
 */
const systemCodes: Record<string, ErrorCode> = {
  ECONNREFUSED: 'network-offline',
  ENETUNREACH: 'network-offline',
  EHOSTUNREACH: 'network-offline',
  ENETDOWN: 'network-offline',
  EAI_AGAIN: 'network-offline',
  ENOTFOUND: 'network-host-unknown',
  ETIMEDOUT: 'network-timeout',
  ECONNRESET: 'network-cut',
  EPIPE: 'network-cut',
}

export function toNetworkError(error: unknown): Error {
  if (error instanceof AtelierError) return error
  if (error instanceof TransferError) {
    const code: ErrorCode =
      error.kind === 'cancelled'
        ? 'network-cancelled'
        : error.kind === 'timeout'
          ? 'network-timeout'
          : 'network-cut'
    return new AtelierError(code)
  }
  const err = error as {
    code?: string
    message?: string
    data?: { statusCode?: number; reason?: string; prettyDetails?: string }
    caller?: string
  }
  const system = err.code ? systemCodes[err.code] : undefined
  if (system) return new AtelierError(system, err.message)
  switch (err.code) {
    case 'HttpError': {
      const status = err.data?.statusCode ?? 0
      if (status === 401) return new AtelierError('network-auth', String(status))
      if (status === 403) return new AtelierError('network-forbidden', String(status))
      if (status === 404) return new AtelierError('network-not-found', String(status))
      return new AtelierError('network-server', String(status))
    }
    case 'SmartHttpError':
    case 'EmptyServerResponseError':
      return new AtelierError('network-server', err.message)
    case 'PushRejectedError':
      return new AtelierError(
        err.data?.reason === 'not-fast-forward' ? 'push-diverged' : 'push-rejected',
        err.data?.reason,
      )
    case 'GitPushError':
      return new AtelierError('push-rejected', err.data?.prettyDetails ?? err.message)
    case 'UrlParseError':
    case 'UnknownTransportError':
      return new AtelierError('remote-url', err.message)
    case 'UserCanceledError':
      return new AtelierError('network-auth', err.message)
    // A pack that ends early reads as damaged: the connection was cut.
    case 'ParseError':
    case 'InternalError':
      return new AtelierError('network-cut', err.message)
    default:
      return error instanceof Error ? error : new Error(String(error))
  }
}
