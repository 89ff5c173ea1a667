import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewPage } from '../../../src-shared/api/review-types.js'
import { api } from '../../api/client.js'
import { attempt } from '../../ui/report-failure.js'
import { Segmented } from '../../ui/Segmented.js'
import { PageChanges, RenderedBody, type PublishedLayout } from '../review/PublishedPage.js'

/**
 * A page compared as it will be published — the view « Relecture » uses for
 * each page: its settings labelled as the form labels them, then the body in
 * the site's look, words added and removed marked, in the text or side by side.
 */
export function PublishedComparison(props: {
  page: string
  title: string
  from: string
  to?: string
  /** Bumped when the page on disk changes (compared with the page on disk). */
  revision: number
}) {
  const { t } = useTranslation()
  const { page, from, to, revision } = props
  const [compared, setCompared] = useState<ReviewPage | null | undefined>(undefined)
  const [layout, setLayout] = useState<PublishedLayout>('inline')
  useEffect(() => {
    let current = true
    void attempt(async () => {
      const value = await api.call(
        'review.comparePublished',
        to ? { path: page, from, to } : { path: page, from },
      )
      if (current) setCompared(value)
    })
    return () => {
      current = false
    }
  }, [page, from, to, revision])
  if (compared === undefined) return null
  if (compared === null) return <p className="view-empty">{t('versions.noDifference')}</p>
  return (
    <div className="published-comparison">
      <Segmented<PublishedLayout>
        label={t('review.published')}
        options={(['inline', 'sideBySide'] as const).map((value) => ({
          value,
          label: t(`review.${value}`),
        }))}
        value={layout}
        onChange={setLayout}
      />
      <PageChanges page={compared} />
      <RenderedBody page={{ ...compared, title: compared.title || props.title }} layout={layout} />
    </div>
  )
}
