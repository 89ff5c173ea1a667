import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Keyboard helpers for the page editor, for end-to-end tests. Each key is
 * followed by a wait on the editor's own state, not on the browser's alone:
 * ProseMirror takes the browser's selection asynchronously (on
 * `selectionchange`), and a key typed before it has lands where the editor
 * last thought the caret was. TipTap puts its editor on the editable element
 * (`.page-text`, as `editor`), which is what these checks read.
 */

/** The selection as the focused editor holds it. */
interface EditorSelection {
  anchor: number
  head: number
}

/** What to wait for: the caret at the start of the first text block after the first heading, or a head. */
type Wanted = { caret: 'after-first-heading' } | { head: number } | { any: true }

/**
 * Run in the page (self-contained: Playwright sends its source): the focused
 * editor's selection when it is `wanted`, else null. The editor's state takes
 * the browser's selection after it changes, so once the state is right, both are.
 */
function editorSelection(wanted: Wanted): EditorSelection | null {
  interface DocNode {
    isTextblock: boolean
    type: { name: string }
  }
  interface View {
    hasFocus(): boolean
    state: {
      selection: { anchor: number; head: number }
      doc: { descendants(visit: (node: DocNode, pos: number) => boolean | void): void }
    }
  }
  const element = document.activeElement?.closest('.page-text') as
    (Element & { editor?: { view: View } }) | null
  const view = element?.editor?.view
  if (!view || !view.hasFocus()) return null
  const { anchor, head } = view.state.selection
  if ('head' in wanted) return head === wanted.head ? { anchor, head } : null
  if ('any' in wanted) return { anchor, head }
  let heading = -1
  let afterFirstHeading = -1
  view.state.doc.descendants((node, pos) => {
    if (afterFirstHeading !== -1) return false
    if (heading === -1 && node.type.name === 'heading') heading = pos
    else if (heading !== -1 && node.isTextblock) afterFirstHeading = pos + 1
  })
  return afterFirstHeading !== -1 && anchor === afterFirstHeading && head === anchor
    ? { anchor, head }
    : null
}

/**
 * Resolves, with the selection, once the focused editor holds the one wanted.
 * Polled from here: Playwright's `waitForFunction` polls through `eval` in
 * the page, which the workbench's policy refuses.
 */
async function untilSelection(page: Page, wanted: Wanted): Promise<EditorSelection> {
  let selection: EditorSelection | null = null
  await expect
    .poll(async () => (selection = await page.evaluate(editorSelection, wanted)), {
      interval: 20,
      timeout: 5000,
      message: `the editor's selection never became ${JSON.stringify(wanted)}`,
    })
    .not.toBeNull()
  return selection!
}

/**
 * Run in the page: puts the focused editor's caret at the start of the first
 * text block after the first heading, through the editor's own command.
 */
function focusAfterFirstHeading(): void {
  interface DocNode {
    isTextblock: boolean
    type: { name: string }
  }
  const element = document.querySelector('.page-text') as
    | (Element & {
        editor?: {
          state: {
            doc: { descendants(visit: (node: DocNode, pos: number) => boolean | void): void }
          }
          commands: { focus(position: number): boolean }
        }
      })
    | null
  const editor = element?.editor
  if (!editor) return
  let heading = -1
  let afterFirstHeading = -1
  editor.state.doc.descendants((node, pos) => {
    if (afterFirstHeading !== -1) return false
    if (heading === -1 && node.type.name === 'heading') heading = pos
    else if (heading !== -1 && node.isTextblock) afterFirstHeading = pos + 1
  })
  if (afterFirstHeading !== -1) editor.commands.focus(afterFirstHeading)
}

/**
 * Puts the caret at the start of the paragraph after the open page's first
 * heading and returns once the editor's state has it there: by keyboard (End,
 * then →), and while the state does not show it there, by the editor's own
 * command (End stops at the end of a wrapped heading's first line, and an
 * editor reloaded meanwhile may not have the focus).
 */
export async function caretAtFirstParagraph(page: Page): Promise<void> {
  const heading = page.locator('.page-text h2').first()
  await heading.waitFor()
  await heading.click()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowRight')
  const wanted: Wanted = { caret: 'after-first-heading' }
  await expect
    .poll(
      async () => {
        const selection = await page.evaluate(editorSelection, wanted)
        if (!selection) await page.evaluate(focusAfterFirstHeading)
        return selection
      },
      { interval: 20, timeout: 5000, message: 'the caret never reached the first paragraph' },
    )
    .not.toBeNull()
}

/** Extends the selection one character at a time, each time until the editor has taken it. */
export async function selectCharacters(page: Page, count: number): Promise<void> {
  const { head: start } = await untilSelection(page, { any: true })
  for (let step = 1; step <= count; step++) {
    await page.keyboard.press('Shift+ArrowRight')
    await untilSelection(page, { head: start + step })
  }
}
