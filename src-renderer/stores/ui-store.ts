import type { JournalEntry } from '../../src-shared/api/types.js'
import { createStore } from './store.js'

export type ViewId =
  'explorer' | 'search' | 'versions' | 'review' | 'preview' | 'problems' | 'settings'

export type Dialog =
  | { kind: 'new-page'; collection?: string }
  /** « Renommer » by the title; `move`: « Déplacer… », the folder asked first. */
  | { kind: 'rename'; path: string; move?: boolean }
  | { kind: 'delete'; path: string }
  | { kind: 'open-folder' }
  | { kind: 'restore'; entries: JournalEntry[] }
  /** Name and e-mail for versions; `then` continues what needed them (a save). */
  | { kind: 'author'; then?: () => Promise<unknown> }
  | { kind: 'restore-version'; path: string; version: string; date: string }
  | { kind: 'merged-text'; path: string }
  /** « Exporter le site… »: folder, relative links, progress. */
  | { kind: 'export' }
  /** « Envoyer ma contribution » (or « Renvoyer » a received one, `branch` given). */
  | { kind: 'send-contribution'; branch?: string }
  /** « Ouvrir une contribution reçue », with a file already known (dropped, command line). */
  | { kind: 'receive-contribution'; file?: string }
  /**
   * Closing tabs with unsaved changes, autosave off (one, or several by « Fermer les autres
   * onglets », or all of them before another folder opens): « Enregistrer », « Ne pas
   * enregistrer », « Annuler », once for them all; `then` continues once they are closed.
   */
  | { kind: 'close-unsaved'; paths: string[]; then?: () => Promise<unknown> }
  /** « Ouvrir un guide en ligne… »: address, folder, light copy, progress and « Annuler ». */
  | { kind: 'clone-guide' }
  /** A host refused (401/403): user name and token for `url`'s host, then `retry`. */
  | { kind: 'sync-credentials'; url: string; retry: () => Promise<void> }

/** `contributions`: the quick pick of the status bar's contribution item. */
export type Palette = 'commands' | 'pages' | 'contributions'

interface UiState {
  view: ViewId
  sidebarVisible: boolean
  palette: Palette | null
  dialog: Dialog | null
  /** A message for the user (already translated key + params), shown as a toast. */
  notice: {
    key: string
    params?: Record<string, string>
    action?: { key: string; run(): void }
  } | null
}

export const uiStore = createStore<UiState>({
  view: 'explorer',
  sidebarVisible: true,
  palette: null,
  dialog: null,
  notice: null,
})

/** Clicking the active view's icon hides the side bar, like VS Code. */
export function showView(view: ViewId): void {
  uiStore.set(({ view: current, sidebarVisible }) =>
    current === view && sidebarVisible ? { sidebarVisible: false } : { view, sidebarVisible: true },
  )
}

/** Shows a view without toggling it away (status bar, links). */
export function revealView(view: ViewId): void {
  uiStore.set({ view, sidebarVisible: true })
}

export function openPalette(palette: Palette): void {
  uiStore.set({ palette })
}

export function closePalette(): void {
  uiStore.set({ palette: null })
}

export function openDialog(dialog: Dialog): void {
  uiStore.set({ dialog, palette: null })
}

export function closeDialog(): void {
  uiStore.set({ dialog: null })
}

/** Closes the dialog if it is still one of `kind`: its action may have opened the next one. */
export function closeDialogOf(kind: Dialog['kind']): void {
  if (uiStore.get().dialog?.kind === kind) closeDialog()
}

export function notify(
  key: string,
  params?: Record<string, string>,
  action?: { key: string; run(): void },
): void {
  uiStore.set({ notice: { key, ...(params && { params }), ...(action && { action }) } })
}

export function dismissNotice(): void {
  uiStore.set({ notice: null })
}
