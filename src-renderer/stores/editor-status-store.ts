import { createStore } from './store.js'

/** What the status bar shows about the page being edited; null when no page is open. */
export const editorStatusStore = createStore<{ words: number | null }>({ words: null })
