import type { CallName } from '../../src-shared/api/names.js'
import type { Handler, HandlerTable } from './handler.js'

/**
 * The same handlers, each waiting for `opening` to settle before it runs. The window is
 * created while the first folder opens (its script takes about as long to load as a large
 * guide takes to open), and its first calls are answered on the folder, never on none.
 * An opening that fails lets the calls through: the workbench then shows no folder.
 */
export function afterOpening(handlers: HandlerTable, opening: Promise<unknown>): HandlerTable {
  let open = false
  const settled = opening.then(
    () => void (open = true),
    () => void (open = true),
  )
  const gated: Partial<Record<CallName, Handler<CallName>>> = {}
  for (const name of Object.keys(handlers) as CallName[]) {
    const handler = handlers[name] as Handler<CallName>
    // Once open, no extra turn of the event loop for every call of the session.
    gated[name] = (input) => (open ? handler(input) : settled.then(() => handler(input)))
  }
  return gated as HandlerTable
}
