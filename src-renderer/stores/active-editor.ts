/**
 * The page editor in the active tab registers its save function here, so the
 * « Enregistrer » command (Ctrl+S) can reach it without knowing the component.
 */
let activeSave: (() => Promise<void>) | null = null

export function registerActiveSave(save: (() => Promise<void>) | null): void {
  activeSave = save
}

export async function saveActivePage(): Promise<void> {
  await activeSave?.()
}

/** The page editor in the active tab: « Ne pas enregistrer » drops its unsaved text. */
let activeDiscard: { path: string; discard(): Promise<void> } | null = null

export function registerActiveDiscard(source: typeof activeDiscard): void {
  activeDiscard = source
}

/** Drops the unsaved text of `path` if its editor is the active one; false when it is not. */
export async function discardActivePage(path: string): Promise<boolean> {
  if (activeDiscard?.path !== path) return false
  await activeDiscard.discard()
  return true
}

/**
 * The text of the page being edited, for the live preview: `current()` is the
 * page as it would be saved now, `saved()` the text on disk as far as the
 * editor knows. Both are only computed when asked (after a pause in typing).
 */
export interface ActiveText {
  path: string
  current(): string
  saved(): string
}

let activeText: ActiveText | null = null
const textListeners = new Set<(source: ActiveText) => void>()

export function registerActiveText(source: ActiveText | null): void {
  activeText = source
  if (source) for (const listener of textListeners) listener(source)
}

export function getActiveText(): ActiveText | null {
  return activeText
}

/** The editor reports an edit or a save; listeners decide when to read the text. */
export function reportTextChanged(path: string): void {
  if (activeText?.path !== path) return
  for (const listener of textListeners) listener(activeText)
}

export function onActiveTextChanged(listener: (source: ActiveText) => void): () => void {
  textListeners.add(listener)
  return () => textListeners.delete(listener)
}
