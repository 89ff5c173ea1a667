import { describe, expect, it } from 'vitest'
import {
  CHORD_MS,
  chordTracker,
  formatKeybinding,
  type Keybinding,
} from '../../../src-renderer/commands/keybinding.js'

const key = (name: string, modifiers: Partial<KeyboardEvent> = {}) =>
  ({
    key: name,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  }) as KeyboardEvent

const commands: { id: string; keybinding?: Keybinding }[] = [
  { id: 'save', keybinding: { key: 's', mod: true } },
  { id: 'preview', keybinding: { key: 'v', after: { key: 'k', mod: true } } },
  { id: 'none' },
]

describe('chords (Ctrl+K V)', () => {
  it('waits after the first stroke, then runs the command of the second', () => {
    const tracker = chordTracker(commands)
    expect(tracker.press(key('k', { ctrlKey: true }))).toBe('pending')
    expect(tracker.press(key('v'))).toMatchObject({ id: 'preview' })
    // Done: V alone is typing again.
    expect(tracker.press(key('v'))).toBeNull()
  })

  it('lets modifier keys through between the strokes', () => {
    const tracker = chordTracker(commands)
    tracker.press(key('k', { ctrlKey: true }))
    expect(tracker.press(key('Control'))).toBeNull()
    expect(tracker.press(key('V', { shiftKey: false }))).toMatchObject({ id: 'preview' })
  })

  it('forgets the first stroke after another key or after a while', () => {
    let now = 0
    const tracker = chordTracker(commands, () => now)
    tracker.press(key('k', { ctrlKey: true }))
    expect(tracker.press(key('x'))).toBeNull()
    expect(tracker.press(key('v'))).toBeNull()
    tracker.press(key('k', { ctrlKey: true }))
    now += CHORD_MS + 1
    expect(tracker.press(key('v'))).toBeNull()
  })

  it('still finds single shortcuts, also right after a chord started', () => {
    const tracker = chordTracker(commands)
    expect(tracker.press(key('s', { ctrlKey: true }))).toMatchObject({ id: 'save' })
    tracker.press(key('k', { ctrlKey: true }))
    expect(tracker.press(key('s', { ctrlKey: true }))).toMatchObject({ id: 'save' })
  })

  it('shows both strokes', () => {
    expect(formatKeybinding(commands[1]!.keybinding!)).toBe('Ctrl+K V')
    expect(formatKeybinding(commands[0]!.keybinding!)).toBe('Ctrl+S')
  })
})
