import type { CallInput, CallOutput } from '../../src-shared/api/contract.js'
import type { CallName } from '../../src-shared/api/names.js'

/**
 * The calling half of `api`, as a type: a module that takes one instead of
 * importing `api` can be run by unit tests against the real handler table.
 */
export interface ApiPort {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>
}
