import { ApiFailure } from '../api/client.js'
import { notify } from '../stores/ui-store.js'

/** Runs a user action; a refusal from main becomes a translated notice, never a crash. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    if (error instanceof ApiFailure) {
      // Some messages name what is at fault (`{{detail}}`): a lock file, a damaged object.
      notify(`errors.${error.error.code}`, { detail: error.error.detail ?? '' })
    } else {
      notify('errors.unexpected')
    }
    if (!(error instanceof ApiFailure)) console.error(error)
    return false
  }
}
