import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { attempt } from '../../ui/report-failure.js'

/**
 * A page compared as it will be published — the same view « Relecture »
 * uses: the body in the site's look, words added and removed marked.
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
  const [frame, setFrame] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    let current = true
    void attempt(async () => {
      const frames = await api.call(
        'review.comparePublished',
        to ? { path: page, from, to } : { path: page, from },
      )
      if (current) setFrame(frames?.inline ?? null)
    })
    return () => {
      current = false
    }
  }, [page, from, to, revision])
  if (frame === undefined) return null
  if (frame === null) return <p className="view-empty">{t('versions.noDifference')}</p>
  return (
    <iframe
      className="review-frame"
      title={t('review.frameTitle', { page: props.title })}
      src={frame}
      sandbox=""
    />
  )
}
