import type { IpcMain, WebContents } from 'electron'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-shared/api/names.js'
import { dispatch } from '../ipc/dispatch.js'
import type { HandlerTable } from '../ipc/handler.js'
import type { Session } from '../session.js'

/**
 * Serves the handler table over Electron IPC. Only the workbench's own frame
 * may call; inputs are validated by `dispatch` like on every transport.
 */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: HandlerTable,
  isTrustedSender: (url: string) => boolean,
): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? ''
    if (!isTrustedSender(url))
      return { ok: false, error: { code: 'unsupported', detail: 'sender' } }
    return dispatch(handlers, name, input)
  })
}

/** Forwards session events to a window for as long as it lives. */
export function forwardEvents(session: Session, contents: WebContents): () => void {
  const unsubscribe = session.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload)
  })
  contents.once('destroyed', unsubscribe)
  return unsubscribe
}
