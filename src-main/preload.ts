import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { CALL_CHANNEL, EVENT_CHANNEL, isCallName, isEventName } from '../src-shared/api/names.js'

/**
 * The only thing the workbench sees of Electron: `window.atelier`, with one
 * function to make a named call and one to listen to a named event. Channel
 * names are allow-listed here; inputs are validated again in main.
 */
const api = {
  call(name: string, input: unknown): Promise<unknown> {
    if (!isCallName(name)) return Promise.reject(new Error(`unknown call ${name}`))
    return ipcRenderer.invoke(CALL_CHANNEL, name, input)
  },
  on(name: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new Error(`unknown event ${name}`)
    const wrapped = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  },
  /** Where a file dropped on the window is on disk (a contribution file); main checks it again. */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file)
  },
}

contextBridge.exposeInMainWorld('atelier', api)

export type PreloadApi = typeof api
