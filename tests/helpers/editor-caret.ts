import type { Page } from 'playwright-core'

/**
 * Keyboard helpers for the page editor, for end-to-end tests. Each key is
 * followed by a wait on the editor's own state, not on the browser's alone:
 * ProseMirror takes the browser's selection asynchronously (on
 * `selectionchange`), and a key typed before it has lands where the editor
 * last thought the caret was. TipTap puts its editor on the editable element
 * (`.page-text`, as `editor`), which is what these checks read.
 */

/** The selection as the focused editor holds it: where it starts and ends, and where the caret should be. */
interface EditorSelection {
  anchor: number
  head: number
  /** The start of the first text block after the document's first heading (-1: none). */
  afterFirstHeading: number
  /** The browser's selection is where the editor's is. */
  domAgrees: boolean
}

/** Read in the page: the focused editor's selection, or null while no editor has the focus. */
function readEditorSelection(): EditorSelection | null {
  interface Node {
    isTextblock: boolean
    type: { name: string }
  }
  interface View {
    hasFocus(): boolean
    posAtDOM(node: globalThis.Node, offset: number): number
    state: {
      selection: { anchor: number; head: number }
      doc: { descendants(visit: (node: Node, pos: number) => boolean | void): void }
    }
  }
  const element = document.activeElement?.closest('.page-text') as
    (Element & { editor?: { view: View } }) | null
  const view = element?.editor?.view
  if (!view || !view.hasFocus()) return null
  const { anchor, head } = view.state.selection
  let heading = -1
  let afterFirstHeading = -1
  view.state.doc.descendants((node, pos) => {
    if (afterFirstHeading !== -1) return false
    if (heading === -1 && node.type.name === 'heading') heading = pos
    else if (heading !== -1 && node.isTextblock) afterFirstHeading = pos + 1
  })
  const dom = document.getSelection()
  let domAgrees = false
  try {
    domAgrees =
      dom !== null &&
      dom.anchorNode !== null &&
      dom.focusNode !== null &&
      view.posAtDOM(dom.anchorNode, dom.anchorOffset) === anchor &&
      view.posAtDOM(dom.focusNode, dom.focusOffset) === head
  } catch {
    // A node outside the editor's document: not agreeing.
  }
  return { anchor, head, afterFirstHeading, domAgrees }
}

/** Resolves once the focused editor's selection satisfies `accept` (given as source, run in the page). */
async function untilSelection(page: Page, accept: string): Promise<void> {
  await page.waitForFunction(
    `(() => { const selection = (${readEditorSelection.toString()})(); return selection !== null && selection.domAgrees && (${accept})(selection) })()`,
  )
}

/**
 * Puts the caret at the start of the paragraph after the open page's first
 * heading, by keyboard, and returns once the editor has it there.
 */
export async function caretAtFirstParagraph(page: Page): Promise<void> {
  const heading = page.locator('.page-text h2').first()
  await heading.waitFor()
  await heading.click()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowRight')
  await untilSelection(
    page,
    '(s) => s.afterFirstHeading !== -1 && s.anchor === s.afterFirstHeading && s.head === s.anchor',
  )
}

/** Extends the selection one character at a time, each time until the editor has taken it. */
export async function selectCharacters(page: Page, count: number): Promise<void> {
  const start = await page.evaluate(
    `(() => { const s = (${readEditorSelection.toString()})(); return s && s.head })()`,
  )
  if (typeof start !== 'number') throw new Error('No editor has the focus.')
  for (let step = 1; step <= count; step++) {
    await page.keyboard.press('Shift+ArrowRight')
    await untilSelection(page, `(s) => s.head === ${start + step}`)
  }
}
