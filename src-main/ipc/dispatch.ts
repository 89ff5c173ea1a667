import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { contract } from '../../src-shared/api/contract.js'
import { isCallName, type CallName } from '../../src-shared/api/names.js'
import type { CallResult } from '../../src-shared/api/types.js'
import type { Handler, HandlerTable } from './handler.js'

/**
 * The boundary: a call arrives as untrusted JSON (from IPC or HTTP), its name
 * is checked against the contract, its input validated with zod, and any
 * failure becomes a coded error the renderer can translate.
 */
export async function dispatch(
  handlers: HandlerTable,
  name: unknown,
  input: unknown,
): Promise<CallResult<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown-call', detail: String(name) } }
  const parsed = contract[name].input.safeParse(input ?? {})
  if (!parsed.success) {
    // A page text over the limit is the user's own text, not a malformed call: it says so.
    const tooLong = parsed.error.issues.some(
      (issue) => issue.code === 'too_big' && issue.path.at(-1) === 'text',
    )
    const code = tooLong ? 'text-too-large' : 'invalid-input'
    return { ok: false, error: { code, detail: parsed.error.message } }
  }
  try {
    const handler = handlers[name] as Handler<CallName>
    return { ok: true, value: await handler(parsed.data as never) }
  } catch (error) {
    if (error instanceof AtelierError) return { ok: false, error: error.toApiError() }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { ok: false, error: { code: 'not-found' } }
    if (code === 'EEXIST') return { ok: false, error: { code: 'already-exists' } }
    return { ok: false, error: { code: 'io', detail: (error as Error).message } }
  }
}
