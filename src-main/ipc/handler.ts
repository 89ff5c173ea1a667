import type { CallOutput, ParsedInput } from '../../src-shared/api/contract.js'
import type { CallName } from '../../src-shared/api/names.js'

/**
 * The shape of a call's handler, apart from the table that assembles them, so that the
 * per-capability handler modules and `dispatch` depend on it and not on each other.
 */
export type Handler<K extends CallName> = (input: ParsedInput<K>) => Promise<CallOutput<K>>
export type HandlerTable = { [K in CallName]: Handler<K> }
