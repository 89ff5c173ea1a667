import type { BrowserWindow, Rectangle } from 'electron'
import type { WindowState } from '../settings/settings-store.js'

export const DEFAULT_WINDOW = { width: 1280, height: 800 }

/**
 * Restored bounds, only if they still overlap a connected screen: a laptop
 * unplugged from its second monitor must not open the window off-screen.
 */
export function restoredBounds(
  saved: WindowState | null,
  workAreas: Rectangle[],
): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_WINDOW }
  const { x, y, width, height } = saved
  if (x === undefined || y === undefined) return { width, height }
  const visible = workAreas.some(
    (area) =>
      x < area.x + area.width &&
      x + width > area.x &&
      y < area.y + area.height &&
      y + height > area.y,
  )
  return visible ? { x, y, width, height } : { width, height }
}

/** The state to remember when the window closes. */
export function captureWindowState(window: BrowserWindow): WindowState {
  const bounds = window.isMaximized() ? window.getNormalBounds() : window.getBounds()
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    maximized: window.isMaximized(),
  }
}
