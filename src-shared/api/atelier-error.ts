import type { ApiError, ErrorCode } from './types.js'

/** An expected failure with a code the UI can translate. Anything else is a bug. */
export class AtelierError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'AtelierError'
  }

  toApiError(): ApiError {
    return this.detail === undefined
      ? { code: this.code }
      : { code: this.code, detail: this.detail }
  }
}
