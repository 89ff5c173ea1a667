import { createStore } from './store.js'

/** What the status bar shows about the page being edited; null when no page is open. */
export const editorStatusStore = createStore<{
  words: number | null
  /** Settings of the open page that fail their content type's validation. */
  invalidFields: number
}>({ words: null, invalidFields: 0 })
