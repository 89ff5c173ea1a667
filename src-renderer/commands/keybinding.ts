/** A shortcut; `mod` is Ctrl on Windows and Linux, Cmd on macOS. */
export interface Keybinding {
  key: string
  mod?: boolean
  shift?: boolean
  alt?: boolean
  /** A two-stroke shortcut (VS Code's chords, Ctrl+K V): the keys pressed first. */
  after?: Omit<Keybinding, 'after' | 'when'>
  /**
   * Where the shortcut holds, as VS Code's `when` clause: `!editorFocus` leaves
   * the key to the focused editor's text (Ctrl+B is bold there). Everywhere when absent.
   */
  when?: KeyContextClause
}

/** What a `when` clause can ask about the place the user is. */
export interface KeyContext {
  /** The page editor's text has the focus. */
  editorFocus: boolean
}

export type KeyContextClause = 'editorFocus' | '!editorFocus'

const NOWHERE: KeyContext = { editorFocus: false }

/** Whether the binding holds in the context. */
export function holds(binding: Keybinding, context: KeyContext): boolean {
  if (!binding.when) return true
  return binding.when === 'editorFocus' ? context.editorFocus : !context.editorFocus
}

/** The shortcut to show (palette, tooltips) where the user is; none when it does not hold there. */
export function activeKeybinding(
  binding: Keybinding | undefined,
  context: KeyContext,
): Keybinding | undefined {
  return binding && holds(binding, context) ? binding : undefined
}

/** The editor's text: TipTap's ProseMirror root, or anything inside it. */
export function keyContextOf(element: Element | null): KeyContext {
  return { editorFocus: element?.closest('.ProseMirror') != null }
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
    press(event: KeyboardEvent, context: KeyContext = NOWHERE): T | 'pending' | null {
      if (MODIFIER_KEYS.has(event.key)) return null
      const bound = items.filter((item) => item.keybinding && holds(item.keybinding, context))
      const started = pending && now() - pending.at <= CHORD_MS ? pending.first : null
      pending = null
      if (started) {
        const chord = bound.find(
          (item) =>
            item.keybinding?.after &&
            sameBinding(item.keybinding.after, started) &&
            matches(item.keybinding, event),
        )
        if (chord) return chord
      }
      const first = bound.find(
        (item) => item.keybinding?.after && matches(item.keybinding.after, event),
      )?.keybinding?.after
      if (first) pending = { first, at: now() }
      const single = bound.find(
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
