import { Component, useState, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client.js'

/** Why a page could not be shown, in words for the person (never the engine's English). */
type Reason = 'deep' | 'unexpected'

/**
 * Keeps one page's failure inside its tab. Whatever goes wrong while a page is
 * converted or drawn by the editor (a stack overflow on a page nested beyond
 * reason, a bug), the tab shows a French message and the page's text read-only;
 * the explorer, the other tabs and the rest of the workbench go on working.
 * Without it, React unmounts the whole tree and the window goes blank.
 */
export class EditorErrorBoundary extends Component<
  { path: string; children: ReactNode },
  { reason: Reason | null }
> {
  override state: { reason: Reason | null } = { reason: null }

  static getDerivedStateFromError(error: unknown): { reason: Reason } {
    const overflow = error instanceof RangeError && /call stack/i.test(error.message)
    return { reason: overflow ? 'deep' : 'unexpected' }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For the developer's console only; the person sees the French message.
    console.error('Page non affichable dans l’éditeur', this.props.path, error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.reason === null) return this.props.children
    return (
      <PageCannotBeShown
        path={this.props.path}
        reason={this.state.reason}
        onRetry={() => this.setState({ reason: null })}
      />
    )
  }
}

function PageCannotBeShown(props: { path: string; reason: Reason; onRetry(): void }) {
  const { t } = useTranslation()
  const [text, setText] = useState<string | null>(null)
  const reason = t(
    props.reason === 'deep' ? 'editor.cannotShowDeep' : 'editor.cannotShowUnexpected',
  )
  return (
    <div className="page-reader page-cannot-show">
      <div className="page-problem" role="alert">
        <p>
          <span className="codicon codicon-warning" aria-hidden="true" />{' '}
          {t('editor.cannotShow', { reason })}
        </p>
        {text === null && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void api
                .call('pages.read', { path: props.path })
                .then((content) => setText(content.text))
                .catch(() => setText(''))
            }
          >
            {t('editor.showSource')}
          </button>
        )}{' '}
        <button type="button" className="button secondary" onClick={props.onRetry}>
          {t('editor.retry')}
        </button>
      </div>
      {text !== null && (
        <textarea
          className="page-source-read-only"
          aria-label={t('editor.sourceLabel')}
          readOnly
          spellCheck={false}
          value={text}
        />
      )}
    </div>
  )
}
