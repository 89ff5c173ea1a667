import { ApiFailure } from '../api/client.js'
import { notify } from '../stores/ui-store.js'

/** Runs a user action; a refusal from main becomes a translated notice, never a crash. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    notify(error instanceof ApiFailure ? `errors.${error.error.code}` : 'errors.unexpected')
    if (!(error instanceof ApiFailure)) console.error(error)
    return false
  }
}
