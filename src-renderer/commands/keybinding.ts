/** A shortcut; `mod` is Ctrl on Windows and Linux, Cmd on macOS. */
export interface Keybinding {
  key: string
  mod?: boolean
  shift?: boolean
  alt?: boolean
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function matches(binding: Keybinding, event: KeyboardEvent): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey
  return (
    event.key.toLowerCase() === binding.key.toLowerCase() &&
    mod === Boolean(binding.mod) &&
    event.shiftKey === Boolean(binding.shift) &&
    event.altKey === Boolean(binding.alt)
  )
}

const KEY_NAMES: Record<string, string> = { pagedown: 'PgDn', pageup: 'PgUp', ',': ',' }

/** How the shortcut is shown in the palette and tooltips. */
export function formatKeybinding(binding: Keybinding): string {
  const key = KEY_NAMES[binding.key.toLowerCase()] ?? binding.key.toUpperCase()
  if (isMac) {
    return `${binding.alt ? '⌥' : ''}${binding.shift ? '⇧' : ''}${binding.mod ? '⌘' : ''}${key}`
  }
  return [binding.mod && 'Ctrl', binding.shift && 'Shift', binding.alt && 'Alt', key]
    .filter(Boolean)
    .join('+')
}
