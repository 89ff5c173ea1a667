import type { CallInput, CallOutput, EventPayloads } from '../../src-shared/api/contract.js'
import type { CallName, EventName } from '../../src-shared/api/names.js'
import type { ApiError } from '../../src-shared/api/types.js'
import { pickTransport, type Transport } from './transport.js'

/** A call that main refused; `code` names the message in the `errors` catalogue. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code)
  }
}

let transport: Transport | null = null

function current(): Transport {
  transport ??= pickTransport()
  return transport
}

/** Typed access to the contract: the only way the renderer talks to main. */
export const api = {
  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await current().call(name, input)
    if (!result.ok) throw new ApiFailure(result.error)
    return result.value as CallOutput<K>
  },
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return current().on(name, listener as (payload: unknown) => void)
  },
}
