import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PageContent } from '../../src-shared/api/types.js'
import { ApiFailure, api } from '../api/client.js'
import { useStore } from '../stores/store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { openPage } from '../../src-shared/markdown/page-document.js'
import { ReadOnlyDocument } from './ReadOnlyDocument.js'

/**
 * Shows a page read-only, from the lossless editor document. The editor issue
 * replaces this component with TipTap; it reloads when the file changes on disk.
 */
export function PageReader({ path }: { path: string }) {
  const { t } = useTranslation()
  const [content, setContent] = useState<PageContent | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const changed = useStore(workspaceStore, (state) => state.lastChanged)
  const touched = changed.paths.includes(path) ? changed.at : 0

  useEffect(() => {
    let live = true
    api
      .call('pages.read', { path })
      .then((page) => {
        if (!live) return
        setContent(page)
        setFailure(null)
      })
      .catch((error: unknown) => {
        if (live)
          setFailure(
            error instanceof ApiFailure ? `errors.${error.error.code}` : 'errors.unexpected',
          )
      })
    return () => {
      live = false
    }
  }, [path, touched])

  // The same conversion the editor uses: what is shown here is what will be edited.
  const blocks = useMemo(() => (content ? openPage(content.text).doc.content : []), [content])

  if (failure)
    return (
      <p className="page-problem" role="alert">
        {t(failure)}
      </p>
    )
  if (!content) return null
  const problem = content.problem
    ? t(`problems.${content.problem.code}`) +
      (content.problem.line ? ` ${t('problems.atLine', { line: content.problem.line })}` : '')
    : null
  const hero = content.frontMatter?.hero as { title?: unknown; text?: unknown } | undefined
  const title = content.frontMatter?.title

  return (
    <article className="page-reader" lang="fr">
      <p className="read-only-note">
        <span className="codicon codicon-lock" aria-hidden="true" /> {t('reader.readOnly')}
      </p>
      {problem && (
        <p className="page-problem" role="alert">
          <span className="codicon codicon-warning" aria-hidden="true" />{' '}
          {t('reader.problem', { message: problem })}
        </p>
      )}
      {typeof title === 'string' && <h1>{title}</h1>}
      {hero && typeof hero.text === 'string' && <p className="page-lead">{hero.text}</p>}
      {content.frontMatter && (
        <SettingsTable data={content.frontMatter} label={t('reader.settings')} />
      )}
      {problem ? (
        <pre className="page-source">{content.text}</pre>
      ) : (
        <ReadOnlyDocument nodes={blocks} />
      )}
    </article>
  )
}

function SettingsTable({ data, label }: { data: Record<string, unknown>; label: string }) {
  const entries = Object.entries(data).filter(([key]) => key !== 'title')
  if (entries.length === 0) return null
  return (
    <details className="page-settings">
      <summary>{label}</summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              {typeof value === 'object' && value !== null
                ? JSON.stringify(value)
                : String(value ?? '')}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
