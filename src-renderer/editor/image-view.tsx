import Image from '@tiptap/extension-image'
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../stores/store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { workspaceImagePath } from './prepare-image.js'

/** Shows a workspace image through the app (never the network); external ones as a placeholder. */
function ImageView({ node }: ReactNodeViewProps) {
  const { t } = useTranslation()
  const shell = useStore(workspaceStore, (state) => state.shell)
  const src = String(node.attrs.src ?? '')
  const alt = String(node.attrs.alt ?? '')
  const local = workspaceImagePath(src)
  const url =
    local === null
      ? null
      : shell === 'electron'
        ? `atelier-media://workspace/${encodeURI(local)}`
        : `/workspace-media/${encodeURI(local)}`
  return (
    <NodeViewWrapper as="span" className="editor-image">
      {url ? (
        <img src={url} alt={alt} />
      ) : (
        <span className="image-placeholder">{t('editor.externalImage', { alt })}</span>
      )}
    </NodeViewWrapper>
  )
}

export const ImageWithView = Image.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ImageView)
  },
}).configure({ inline: true })
