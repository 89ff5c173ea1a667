import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorNode, Mark } from '../../src-shared/markdown/editor-document.js'

/**
 * Shows the editor document read-only, from the same lossless conversion the
 * editor will use, so what is shown is what will be edited. Unmodelled source
 * (Liquid, HTML, kramdown extensions…) appears as labelled source.
 */
export function ReadOnlyDocument({ nodes }: { nodes: EditorNode[] }) {
  return <>{nodes.map((node, index) => renderBlock(node, index))}</>
}

function renderBlock(node: EditorNode, key: number): ReactNode {
  const children = node.content ?? []
  const className =
    typeof node.attrs?.ial === 'string' && /\.encadre\b/.test(node.attrs.ial)
      ? 'encadre'
      : undefined
  switch (node.type) {
    case 'paragraph':
      return (
        <p key={key} className={className}>
          {renderInline(children)}
        </p>
      )
    case 'heading': {
      // The page title is the h1: body headings start one level down.
      const Tag = `h${Math.min(Number(node.attrs?.level ?? 2) + 1, 6)}` as 'h2'
      return (
        <Tag key={key} className={className}>
          {renderInline(children)}
        </Tag>
      )
    }
    case 'blockquote':
      return <blockquote key={key}>{children.map(renderBlock)}</blockquote>
    case 'bulletList':
      return <ul key={key}>{children.map(renderBlock)}</ul>
    case 'orderedList':
      return (
        <ol key={key} start={Number(node.attrs?.start ?? 1)}>
          {children.map(renderBlock)}
        </ol>
      )
    case 'listItem':
      return <li key={key}>{children.map(renderBlock)}</li>
    case 'codeBlock':
      return (
        <pre key={key} className="page-code">
          {children.map((child) => child.text).join('')}
        </pre>
      )
    case 'horizontalRule':
      return <hr key={key} />
    case 'sourceBlock':
      return (
        <SourceBlock
          key={key}
          kind={String(node.attrs?.kind)}
          source={String(node.attrs?.source ?? '')}
        />
      )
    default:
      return null
  }
}

function SourceBlock({ kind, source }: { kind: string; source: string }) {
  const { t } = useTranslation()
  return (
    <figure className="source-block">
      <figcaption>{t(`sourceKinds.${kind}`)}</figcaption>
      <pre>{source}</pre>
    </figure>
  )
}

function renderInline(nodes: EditorNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    let element: ReactNode
    if (node.type === 'text') element = node.text
    else if (node.type === 'hardBreak') element = <br />
    else if (node.type === 'image')
      element = <span className="image-placeholder">{String(node.attrs?.alt ?? '')}</span>
    else if (node.type === 'sourceInline') {
      const source = String(node.attrs?.source ?? '')
      element =
        node.attrs?.kind === 'escape' ? (
          source.slice(1)
        ) : (
          <code className="source-chip">{source}</code>
        )
    } else element = null
    for (const mark of node.marks ?? []) element = wrap(mark, element)
    return <span key={index}>{element}</span>
  })
}

function wrap(mark: Mark, element: ReactNode): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong>{element}</strong>
    case 'italic':
      return <em>{element}</em>
    case 'code':
      return <code>{element}</code>
    case 'link':
      // Links are shown, not followed: the workbench never navigates away.
      return (
        <span className="link" title={String(mark.attrs?.href ?? '')}>
          {element}
        </span>
      )
  }
}
