import { useTranslation } from 'react-i18next'
import type { SearchResults } from '../../../src-shared/api/search-types.js'
import { openMatch } from '../../stores/search-store.js'

/** The results grouped by page: the page's title and count, then each match in its context. */
export function SearchResultsList({ results }: { results: SearchResults }) {
  const { t } = useTranslation()
  return (
    <ul className="search-results" aria-label={t('search.label')}>
      {results.pages.map((page) => (
        <li key={page.path} className="search-page" data-path={page.path}>
          <p className="search-page-title" title={page.path}>
            <span className="codicon codicon-file" aria-hidden="true" />
            <strong>{page.title}</strong>
            <span className="search-count">
              {t('search.matches', { count: page.matches.length })}
            </span>
          </p>
          <ul>
            {page.matches.map((match, at) => (
              <li key={`${match.line}-${at}`}>
                <button
                  type="button"
                  className="search-match"
                  title={t('search.atLine', { line: match.line })}
                  onClick={() => openMatch(page.path, match)}
                >
                  <span>{match.before}</span>
                  <mark>{match.text}</mark>
                  <span>{match.after}</span>
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}
