/** A shortcut; `mod` is Ctrl on Windows and Linux, Cmd on macOS. */
export interface Keybinding {
  key: string
  mod?: boolean
  shift?: boolean
  alt?: boolean
  /** A two-stroke shortcut (VS Code's chords, Ctrl+K V): the keys pressed first. */
  after?: Omit<Keybinding, 'after'>
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Whether the event is the binding's own key (its last stroke, for a chord). */
export function matches(binding: Omit<Keybinding, 'after'>, event: KeyboardEvent): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey
  return (
    event.key.toLowerCase() === binding.key.toLowerCase() &&
    mod === Boolean(binding.mod) &&
    event.shiftKey === Boolean(binding.shift) &&
    event.altKey === Boolean(binding.alt)
  )
}

/** Keys that only hold modifiers: pressing them does not end a chord. */
export const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Shift', 'Alt', 'AltGraph'])

/** How long the second stroke of a chord is awaited. */
export const CHORD_MS = 1500

/**
 * Follows chords across key presses: `press` returns the binding an event
 * completes, 'pending' when it starts a chord, or null.
 */
export function chordTracker<T extends { keybinding?: Keybinding }>(
  items: readonly T[],
  now: () => number = Date.now,
) {
  let pending: { first: Omit<Keybinding, 'after'>; at: number } | null = null
  return {
    press(event: KeyboardEvent): T | 'pending' | null {
      if (MODIFIER_KEYS.has(event.key)) return null
      const started = pending && now() - pending.at <= CHORD_MS ? pending.first : null
      pending = null
      if (started) {
        const chord = items.find(
          (item) =>
            item.keybinding?.after &&
            sameBinding(item.keybinding.after, started) &&
            matches(item.keybinding, event),
        )
        if (chord) return chord
      }
      const first = items.find(
        (item) => item.keybinding?.after && matches(item.keybinding.after, event),
      )?.keybinding?.after
      if (first) pending = { first, at: now() }
      const single = items.find(
        (item) => item.keybinding && !item.keybinding.after && matches(item.keybinding, event),
      )
      return single ?? (first ? 'pending' : null)
    },
  }
}

function sameBinding(a: Omit<Keybinding, 'after'>, b: Omit<Keybinding, 'after'>): boolean {
  return (
    a.key.toLowerCase() === b.key.toLowerCase() &&
    Boolean(a.mod) === Boolean(b.mod) &&
    Boolean(a.shift) === Boolean(b.shift) &&
    Boolean(a.alt) === Boolean(b.alt)
  )
}

const KEY_NAMES: Record<string, string> = { pagedown: 'PgDn', pageup: 'PgUp', ',': ',' }

/** How the shortcut is shown in the palette and tooltips. */
export function formatKeybinding(binding: Keybinding): string {
  const stroke = formatStroke(binding)
  return binding.after ? `${formatStroke(binding.after)} ${stroke}` : stroke
}

function formatStroke(binding: Omit<Keybinding, 'after'>): string {
  const key = KEY_NAMES[binding.key.toLowerCase()] ?? binding.key.toUpperCase()
  if (isMac) {
    return `${binding.alt ? '⌥' : ''}${binding.shift ? '⇧' : ''}${binding.mod ? '⌘' : ''}${key}`
  }
  return [binding.mod && 'Ctrl', binding.shift && 'Shift', binding.alt && 'Alt', key]
    .filter(Boolean)
    .join('+')
}

/**
 * Sent on `window` when a chord completes: what its first stroke started
 * (Ctrl+K opens the link field in the text) gives way.
 */
export const CHORD_DONE_EVENT = 'atelier-chord-done'
