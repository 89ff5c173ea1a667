import type { Session, WebContents } from 'electron'
import { WORKBENCH_CSP } from '../security/content-security-policy.js'
import { PREVIEW_SCHEME } from './preview-protocol.js'

/** Links the app may hand to the system browser. Everything else is dropped. */
export function isExternalUrl(url: string): boolean {
  try {
    return ['https:', 'http:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}

/**
 * No navigation away from the workbench and no new windows. A link reaches the system
 * browser only through `shell.openExternal`, which asks the user first
 * (`open-external.ts`): nothing is opened without a click and a confirmation.
 */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // The preview frame (a frame of the workbench itself) stays on the preview's scheme: the
  // workbench loads its pages, and page content that tries to take it elsewhere goes nowhere.
  // Frames inside the preview (videos, once external content is allowed) are the page's own.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || event.frame?.parent !== contents.mainFrame) return
    if (!event.url.startsWith(`${PREVIEW_SCHEME}:`)) event.preventDefault()
  })
}

/**
 * Adds the workbench CSP to every response, and refuses every permission,
 * whether asked (camera, notifications…) or merely checked. `csp: false` only for the dev server, whose hot reload runs inline
 * scripts; built renderers also carry the policy in a meta tag.
 */
export function hardenSession(session: Session, options: { csp: boolean } = { csp: true }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  if (!options.csp) return
  session.webRequest.onHeadersReceived((details, callback) => {
    // The preview carries its own policy (it is framed by the workbench, runs its bridge).
    if (details.url.startsWith(`${PREVIEW_SCHEME}:`)) return callback({})
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [WORKBENCH_CSP],
      },
    })
  })
}
