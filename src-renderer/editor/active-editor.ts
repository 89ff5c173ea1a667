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
