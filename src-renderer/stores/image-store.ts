import type { PreparedImage } from '../editor/prepare-image.js'
import { createStore } from './store.js'

/** An image waiting for its alternative text before it is stored and inserted. */
export const imageStore = createStore<{ pending: PreparedImage | null }>({ pending: null })
