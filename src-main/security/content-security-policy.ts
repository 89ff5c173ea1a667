/**
 * The workbench's Content-Security-Policy, sent by the Electron app and the test
 * host alike. Scripts only from the app itself, no remote anything: Atelier
 * must work with the network off, and page content must never run code here.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline style attributes are set by the split-pane and editor libraries.
  "style-src 'self' 'unsafe-inline'",
  // Workspace images come through the app's own scheme (Electron) or the host (same origin).
  "img-src 'self' data: blob: atelier-media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // The live preview: its own origin (the app's scheme, or the test host's second port on
  // loopback, named `<token>.localhost`), itself locked down by its own policy (no script, no network).
  'frame-src atelier-preview: http://*.localhost:*',
  "worker-src 'self'",
]

export const WORKBENCH_CSP = directives.join('; ')

/** The same policy for a `<meta>` tag, which browsers refuse to take `frame-ancestors` from. */
export const WORKBENCH_CSP_META = directives
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ')
