import { createContentComponent, type Editor } from '@tiptap/react'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'

/** The fields `@tiptap/react` adds to its editors for the node views React draws (not exported). */
type WithNodeViews = Editor & {
  contentComponent?: ReturnType<typeof createContentComponent> | null
  isEditorContentInitialized?: boolean
}

/**
 * Given to `useEditor` as `onBeforeCreate`: the node views React draws (source blocks,
 * inline source, images) register their portals here from the start, so those built with
 * the editor's view are shown as they are, and the page's text is built only once.
 */
export function prepareNodeViews({ editor }: { editor: Editor }): void {
  const withNodeViews: WithNodeViews = editor
  withNodeViews.contentComponent = createContentComponent()
}

/**
 * The page's text where the editor's view was built, in place of TipTap's `EditorContent`:
 * that one hands the view a new set of node views once it is in the document, and the
 * view then builds the whole page again (a 200 KB page's text built twice, the second time
 * in the document, with a forced layout before it); on closing, it builds it once more
 * without them. Here the view is moved into the page as it is, and its node views' React
 * parts are drawn through the portals `prepareNodeViews` gathers.
 */
export function PageText(props: { editor: Editor }) {
  const editor = props.editor as WithNodeViews
  const holder = useRef<HTMLDivElement>(null)
  const content = editor.contentComponent
  if (!content) throw new Error('PageText: the editor was created without prepareNodeViews')
  const portals = useSyncExternalStore(
    content.subscribe,
    content.getSnapshot,
    content.getServerSnapshot,
  )

  useLayoutEffect(() => (holder.current ? showIn(editor, holder.current) : undefined), [editor])

  return (
    <>
      <div ref={holder} />
      {Object.values(portals)}
    </>
  )
}

/** Moves the editor's text, as built, into `holder`; returns what to do when it goes. */
function showIn(editor: WithNodeViews, holder: HTMLElement): () => void {
  holder.append(editor.view.dom)
  editor.view.updateRoot()
  // Node views made from now on draw at once (before, they waited for a microtask).
  editor.isEditorContentInitialized = true
  return () => {
    editor.isEditorContentInitialized = false
  }
}
