import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { SourceBlock, SourceInline } from '../../src-shared/editor-schema/source-nodes.js'

/** A labelled block of source (Liquid, HTML…) whose text is edited in place, as source. */
function SourceBlockView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const { t } = useTranslation()
  const source = String(node.attrs.source ?? '')
  return (
    <NodeViewWrapper className="source-block" data-kind={node.attrs.kind}>
      <div className="source-block-label" contentEditable={false}>
        {t(`sourceKinds.${String(node.attrs.kind)}`)}
      </div>
      <textarea
        className="source-block-text"
        aria-label={t(`sourceKinds.${String(node.attrs.kind)}`)}
        value={source}
        readOnly={!editor.isEditable}
        rows={Math.min(Math.max(source.split('\n').length, 1), 20)}
        spellCheck={false}
        onChange={(event) => updateAttributes({ source: event.target.value })}
      />
    </NodeViewWrapper>
  )
}

/** A chip for inline source; an escaped character shows as the character. */
function SourceInlineView({ node }: ReactNodeViewProps) {
  const source = String(node.attrs.source ?? '')
  if (node.attrs.kind === 'escape') {
    return <NodeViewWrapper as="span">{source.slice(1)}</NodeViewWrapper>
  }
  return (
    <NodeViewWrapper as="span" className="source-chip" title={source}>
      {source}
    </NodeViewWrapper>
  )
}

export const SourceBlockWithView = SourceBlock.extend({
  addNodeView() {
    return ReactNodeViewRenderer(SourceBlockView)
  },
})

export const SourceInlineWithView = SourceInline.extend({
  addNodeView() {
    return ReactNodeViewRenderer(SourceInlineView)
  },
})
