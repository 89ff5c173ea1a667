import { useEffect, useRef } from 'react'

/** Where the focus can stay when its opener has gone: a widget with one tab stop, or a region. */
const GROUPS =
  '[role="tree"], [role="tablist"], [role="listbox"], [role="toolbar"], aside, main, nav'
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]'

/**
 * Gives the focus back, when the calling dialog, palette or menu goes, to
 * what had it when it came: the button, tree item or text that opened it;
 * and if the dialog's action removed it (a page renamed or deleted), to the
 * tab stop of the tree, tab bar or region it was in. Call it before the
 * component moves the focus into itself.
 */
export function useReturnFocus(): void {
  // Read while rendering: an `autoFocus` field takes the focus before any effect runs.
  const opener = useRef(document.activeElement)
  useEffect(() => {
    // Opened from a menu, which has gone meanwhile and given the focus back to what opened it.
    const element = opener.current?.isConnected ? opener.current : document.activeElement
    const group = element?.closest(GROUPS)
    return () => {
      // The dialog's action may have put the focus somewhere on purpose (a new page's text).
      const now = document.activeElement
      if (now && now !== document.body) return
      const target = element?.isConnected
        ? element
        : group?.isConnected
          ? (group.querySelector('[tabindex="0"]') ?? group.querySelector(FOCUSABLE))
          : null
      if (target instanceof HTMLElement) target.focus()
    }
  }, [])
}
