import { api } from '../api/client.js'
import { createStore } from './store.js'

interface PreviewState {
  /** The preview pane is shown to the right of the editor. */
  visible: boolean
  /** External images and frames are shown (off by default, not kept across sessions). */
  allowExternal: boolean
  /** Bumped to load the frame again (external content toggled, « Actualiser »). */
  reloads: number
}

/** The live preview beside the editor: shared by the pane, the side bar view and the commands. */
export const previewStore = createStore<PreviewState>({
  visible: false,
  allowExternal: false,
  reloads: 0,
})

export function togglePreview(visible = !previewStore.get().visible): void {
  previewStore.set({ visible })
}

export function reloadPreview(): void {
  previewStore.set(({ reloads }) => ({ reloads: reloads + 1 }))
}

/** Main keeps the choice for the open workspace; the frame loads again with it. */
export async function setAllowExternal(allow: boolean): Promise<void> {
  await api.call('preview.allowExternal', { allow })
  previewStore.set(({ reloads }) => ({ allowExternal: allow, reloads: reloads + 1 }))
}
