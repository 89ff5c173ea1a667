/**
 * The messages between the workbench and the bridge script in the preview
 * frame (`src-main/preview/preview-bridge.ts`). The frame is an opaque origin
 * running page content next to the bridge, so what comes from it is checked
 * field by field and only ever used as data.
 */
const TAG = 'atelier-preview'

export type FromBridge =
  | { type: 'ready'; path: string }
  | { type: 'link'; href: string; ctrlKey: boolean; metaKey: boolean }
  | { type: 'scroll'; x: number; y: number }
  | { type: 'rendered' | 'stale'; id: number }

export type ToBridge =
  { type: 'render'; html: string; id: number } | { type: 'scroll'; x: number; y: number }

/** A message of the bridge, or null for anything else. */
export function bridgeMessage(data: unknown): FromBridge | null {
  if (typeof data !== 'object' || data === null) return null
  const message = data as Record<string, unknown>
  if (message[TAG] !== true) return null
  switch (message.type) {
    case 'ready':
      return typeof message.path === 'string' ? { type: 'ready', path: message.path } : null
    case 'link':
      // Only a path in the preview: the bridge never asks to leave it.
      return typeof message.href === 'string' && /^\/(?!\/)/.test(message.href)
        ? {
            type: 'link',
            href: message.href,
            ctrlKey: message.ctrlKey === true,
            metaKey: message.metaKey === true,
          }
        : null
    case 'scroll':
      return Number.isFinite(message.x) && Number.isFinite(message.y)
        ? { type: 'scroll', x: message.x as number, y: message.y as number }
        : null
    case 'rendered':
    case 'stale':
      return typeof message.id === 'number' ? { type: message.type, id: message.id } : null
    default:
      return null
  }
}

/** What the workbench posts to: a frame's window (only its `postMessage` is used). */
export interface BridgeTarget {
  postMessage(message: unknown, targetOrigin: string): void
}

/**
 * Posts to a frame's bridge. The frame's origin is opaque, so no target
 * origin can name it: `'*'`, with the frame itself as the only recipient.
 */
export function postToBridge(target: BridgeTarget, message: ToBridge): void {
  target.postMessage({ [TAG]: true, ...message }, '*')
}
