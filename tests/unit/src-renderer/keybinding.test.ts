import { describe, expect, it } from 'vitest'
import { commands as workbenchCommands } from '../../../src-renderer/commands/commands.js'
import {
  activeKeybinding,
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

describe('when contexts (the focused editor’s keys win, as in VS Code)', () => {
  const bound: { id: string; keybinding?: Keybinding }[] = [
    { id: 'sidebar', keybinding: { key: 'b', mod: true, when: '!editorFocus' } },
    { id: 'save', keybinding: { key: 's', mod: true } },
    { id: 'editorOnly', keybinding: { key: 'j', mod: true, when: 'editorFocus' } },
  ]
  const inEditor = { editorFocus: true }
  const outside = { editorFocus: false }

  it('leaves Ctrl+B to the text when the editor has the focus, and takes it elsewhere', () => {
    const tracker = chordTracker(bound)
    expect(tracker.press(key('b', { ctrlKey: true }), inEditor)).toBeNull()
    expect(tracker.press(key('b', { ctrlKey: true }), outside)).toMatchObject({ id: 'sidebar' })
  })

  it('keeps a binding without a context everywhere', () => {
    const tracker = chordTracker(bound)
    expect(tracker.press(key('s', { ctrlKey: true }), inEditor)).toMatchObject({ id: 'save' })
    expect(tracker.press(key('s', { ctrlKey: true }), outside)).toMatchObject({ id: 'save' })
  })

  it('runs an editor-only binding only in the editor', () => {
    const tracker = chordTracker(bound)
    expect(tracker.press(key('j', { ctrlKey: true }), outside)).toBeNull()
    expect(tracker.press(key('j', { ctrlKey: true }), inEditor)).toMatchObject({ id: 'editorOnly' })
  })

  it('tells the palette which shortcut is valid where the user is', () => {
    const sidebar = bound[0]!.keybinding!
    expect(activeKeybinding(sidebar, outside)).toBe(sidebar)
    expect(activeKeybinding(sidebar, inEditor)).toBeUndefined()
    expect(activeKeybinding(bound[1]!.keybinding, inEditor)).toBe(bound[1]!.keybinding)
    expect(activeKeybinding(undefined, outside)).toBeUndefined()
  })

  it('gives no workbench shortcut a key the editor’s text formatting uses', () => {
    const editorKeys = ['b', 'i', 'u', 'e', 'z', 'y', 'a'].map((name) =>
      key(name, { ctrlKey: true }),
    )
    editorKeys.push(
      key('z', { ctrlKey: true, shiftKey: true }),
      key('b', { ctrlKey: true, shiftKey: true }),
      key('Enter', { ctrlKey: true }),
      ...['7', '8', '9'].map((name) => key(name, { ctrlKey: true, shiftKey: true })),
      ...['0', '1', '2', '3', '4', '5', '6', 'c'].map((name) =>
        key(name, { ctrlKey: true, altKey: true }),
      ),
    )
    for (const event of editorKeys) {
      expect(chordTracker(workbenchCommands).press(event, inEditor), event.key).toBeNull()
    }
  })
})
