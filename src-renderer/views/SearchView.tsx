import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../stores/store.js'
import {
  previewReplace,
  searchSoon,
  searchStore,
  setCollection,
  setQuery,
  setReplacement,
  setWholeWord,
  matchCount,
  warmSearch,
} from '../stores/search-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { attempt } from '../ui/report-failure.js'
import { ReplacePreview } from './search/ReplacePreview.js'
import { SearchResultsList } from './search/SearchResultsList.js'

/**
 * « Rechercher » (Ctrl+Shift+F): the pages' titles, settings and text, case and accents
 * folded, results grouped by page; a replacement is previewed, then applied as one change.
 */
export function SearchView() {
  const { t, i18n } = useTranslation()
  const state = useStore(searchStore, (s) => s)
  const pages = useStore(workspaceStore, (s) => s.index?.pages)
  // The pages changed (a save, another program, a replacement): the results follow.
  const changedAt = useStore(workspaceStore, (s) => Math.max(s.lastChanged.at, s.lastSaved.at))
  useEffect(() => {
    if (changedAt > 0) searchSoon()
  }, [changedAt])
  useEffect(() => void warmSearch(), [])
  const collections = useMemo(
    () => [...new Set((pages ?? []).map((page) => page.collection))].sort(),
    [pages],
  )
  const label = (name: string) =>
    i18n.exists(`collections.${name}`) ? t(`collections.${name}`) : name
  const { results } = state
  const shown = results ? matchCount(results) : 0
  return (
    <section className="view search-view">
      <header className="view-header">
        <h2>{t('views.search')}</h2>
      </header>
      <div className="search-form">
        <input
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={state.query}
          maxLength={200}
          autoFocus
          onChange={(event) => setQuery(event.target.value)}
        />
        <label className="search-toggle">
          <input
            type="checkbox"
            checked={state.wholeWord}
            onChange={(event) => void attempt(() => setWholeWord(event.target.checked))}
          />
          {t('search.wholeWord')}
        </label>
        <select
          aria-label={t('search.collection')}
          value={state.collection ?? ''}
          onChange={(event) => void attempt(() => setCollection(event.target.value || null))}
        >
          <option value="">{t('search.allCollections')}</option>
          {collections.map((name) => (
            <option key={name} value={name}>
              {label(name)}
            </option>
          ))}
        </select>
        <div className="search-replace">
          <input
            type="text"
            aria-label={t('search.replaceLabel')}
            placeholder={t('search.replacePlaceholder')}
            value={state.replacement}
            maxLength={200}
            onChange={(event) => setReplacement(event.target.value)}
          />
          <button
            type="button"
            className="button secondary"
            disabled={!state.query.trim()}
            onClick={() => void attempt(previewReplace)}
          >
            {t('search.preview')}
          </button>
        </div>
      </div>
      {state.done && (
        <p className="search-done" role="status">
          {t('search.replaced', { count: state.done.matches, pages: state.done.pages })}
        </p>
      )}
      {state.plan && <ReplacePreview plan={state.plan} />}
      {state.searching && !results && <p className="view-empty">{t('search.searching')}</p>}
      {results && (
        <>
          <p className="search-summary" role="status">
            {results.total === 0
              ? t('search.none')
              : t('search.summary', { count: results.total, pages: results.pages.length })}
          </p>
          {results.truncated && <p className="view-empty">{t('search.truncated', { shown })}</p>}
          <SearchResultsList results={results} />
        </>
      )}
    </section>
  )
}
