import { ApiFailure } from '../api/client.js'
import { notify } from './ui-store.js'

/** A refusal from main becomes its translated notice; anything else is unexpected, and logged. */
export function failureNotice(error: unknown): void {
  if (error instanceof ApiFailure) {
    // Some messages name what is at fault (`{{detail}}`): a lock file, a damaged object.
    notify(`errors.${error.error.code}`, { detail: error.error.detail ?? '' })
  } else {
    notify('errors.unexpected')
    console.error(error)
  }
}
