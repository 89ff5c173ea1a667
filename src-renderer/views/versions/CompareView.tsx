import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DiffLine } from '../../../src-shared/diff/line-diff.js'
import type { PageComparison } from '../../../src-shared/diff/page-comparison.js'
import { api, ApiFailure } from '../../api/client.js'
import { useStore } from '../../stores/store.js'
import { openTab, type Comparison } from '../../stores/tabs-store.js'
import { restoreDeletedPage } from '../../stores/versions-actions.js'
import { versionsStore } from '../../stores/versions-store.js'
import { attempt } from '../../ui/report-failure.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { Segmented } from '../../ui/Segmented.js'
import { SideBySideDiff } from '../../ui/SideBySideDiff.js'
import { PublishedComparison } from './PublishedComparison.js'
import { fullDate } from './version-date.js'

type CompareLayout = 'sideBySide' | 'inline' | 'published'

/** An editor tab showing what differs: the page's settings field by field, then its text. */
export function CompareView({ comparison }: { comparison: Comparison }) {
  const { t, i18n } = useTranslation()
  const { page, from, to } = comparison
  const [result, setResult] = useState<PageComparison | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [layout, setLayout] = useState<CompareLayout>('sideBySide')
  // Compared with the page on disk: follow its changes.
  const touched = useStore(workspaceStore, (state) =>
    !to && state.lastChanged.paths.includes(page) ? state.lastChanged.at : 0,
  )
  // Our own saves are not reported as changes: followed apart.
  const saved = useStore(workspaceStore, (state) =>
    !to && state.lastSaved.path === page ? state.lastSaved.at : 0,
  )

  useEffect(() => {
    let current = true
    api
      .call('versions.compare', to ? { path: page, from, to } : { path: page, from })
      .then((value) => current && setResult(value))
      .catch((error: unknown) =>
        setFailure(
          error instanceof ApiFailure ? `errors.${error.error.code}` : 'errors.unexpected',
        ),
      )
    return () => {
      current = false
    }
  }, [page, from, to, touched, saved])

  // Compared with the disk where the page was deleted: it can be put back, not opened.
  const deleted = useStore(
    versionsStore,
    (state) => !to && !!state.status?.changes.some((c) => c.path === page && c.kind === 'deleted'),
  )
  const title =
    workspaceStore.get().index?.pages.find((entry) => entry.path === page)?.title ??
    versionsStore.get().deletedTitles[page] ??
    page
  const same = result && result.fields.length === 0 && result.body.every((l) => l.kind === 'same')
  return (
    <div className="compare-view" data-page={page}>
      <header className="compare-header">
        <div>
          <h1>{t('versions.compareTitle', { page: title })}</h1>
          {comparison.date && (
            <p className="compare-subtitle">
              {t('versions.compareWith', { date: fullDate(comparison.date, i18n.language) })}
            </p>
          )}
        </div>
        <div className="compare-tools">
          <Segmented<CompareLayout>
            label={t('versions.compare')}
            options={[
              { value: 'sideBySide', label: t('versions.sideBySide') },
              { value: 'inline', label: t('versions.inline') },
              { value: 'published', label: t('review.published') },
            ]}
            value={layout}
            onChange={setLayout}
          />
          {deleted ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => void attempt(() => restoreDeletedPage(page))}
            >
              <span className="codicon codicon-discard" aria-hidden="true" />
              {t('versions.restoreDeleted')}
            </button>
          ) : (
            <button type="button" className="button secondary" onClick={() => openTab(page)}>
              <span className="codicon codicon-go-to-file" aria-hidden="true" />
              {t('versions.openPage')}
            </button>
          )}
        </div>
      </header>
      {failure && (
        <p className="page-problem" role="alert">
          {t(failure)}
        </p>
      )}
      {same && <p className="view-empty">{t('versions.noDifference')}</p>}
      {result && !same && layout === 'published' && (
        // As « Relecture » shows a page: settings labelled, body in the site's look.
        <PublishedComparison
          page={page}
          title={title}
          from={from}
          {...(to ? { to } : {})}
          revision={touched + saved}
        />
      )}
      {result && layout !== 'published' && result.fields.length > 0 && (
        <section aria-labelledby="compare-fields">
          <h2 id="compare-fields">{t('versions.fields')}</h2>
          <table className="compare-fields">
            <thead>
              <tr>
                <th scope="col">{t('versions.field')}</th>
                <th scope="col">{t('versions.before')}</th>
                <th scope="col">{t('versions.after')}</th>
              </tr>
            </thead>
            <tbody>
              {result.fields.map((field) => (
                <tr key={field.key}>
                  <th scope="row">{field.key}</th>
                  <td className={field.before === null ? 'empty' : 'diff-line removed'}>
                    {field.before ?? '—'}
                  </td>
                  <td className={field.after === null ? 'empty' : 'diff-line added'}>
                    {field.after ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {result && !same && layout !== 'published' && (
        <section aria-labelledby="compare-text">
          <h2 id="compare-text">{t('versions.text')}</h2>
          {layout === 'inline' ? (
            <InlineDiff lines={result.body} />
          ) : (
            <SideBySideDiff
              runs={[result.body]}
              label={t('versions.sideBySide')}
              before={t('versions.before')}
              after={t('versions.after')}
            />
          )}
        </section>
      )}
    </div>
  )
}

const SIGN = { added: '+', removed: '−', same: ' ' } as const

function InlineDiff({ lines }: { lines: DiffLine[] }) {
  const { t } = useTranslation()
  return (
    <div className="diff inline-diff" role="table" aria-label={t('versions.inline')}>
      {lines.map((line, index) => (
        <div key={index} role="row" className={`diff-line ${line.kind}`}>
          <span
            role="cell"
            className="diff-sign"
            aria-label={
              line.kind === 'same'
                ? undefined
                : t(line.kind === 'added' ? 'versions.after' : 'versions.before')
            }
          >
            {SIGN[line.kind]}
          </span>
          <span role="cell" className="diff-text">
            {line.text}
          </span>
        </div>
      ))}
    </div>
  )
}
