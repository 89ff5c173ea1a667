import { useEffect, useRef } from 'react'

/**
 * Gives the focus back, when the calling dialog, palette or menu goes, to
 * what had it when it came: the button, tree item or text that opened it.
 * Call it before the component moves the focus into itself.
 */
export function useReturnFocus(): void {
  // Read while rendering: an `autoFocus` field takes the focus before any effect runs.
  const opener = useRef(document.activeElement)
  useEffect(() => {
    // Opened from a menu, which has gone meanwhile and given the focus back to what opened it.
    const element = opener.current?.isConnected ? opener.current : document.activeElement
    return () => {
      // The dialog's action may have put the focus somewhere on purpose (a new page's text).
      const now = document.activeElement
      if (now && now !== document.body) return
      if (element instanceof HTMLElement && element.isConnected) element.focus()
    }
  }, [])
}
