import { createStore } from './store.js'

/** An image scaled and recompressed for the site (editor/prepare-image.ts), ready to store. */
export interface PreparedImage {
  name: string
  /** Base64 of the bytes to store. */
  data: string
  width: number
}

/** An image waiting for its alternative text before it is stored and inserted. */
export const imageStore = createStore<{ pending: PreparedImage | null }>({ pending: null })
