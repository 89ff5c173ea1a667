import { useTranslation } from 'react-i18next'
import type { ReviewPage } from '../../../src-shared/api/review-types.js'

/** How a page's published text is shown: changes marked in the text, or before and after side by side. */
export type PublishedLayout = 'inline' | 'sideBySide'

/**
 * A changed page as it will be published — what « Relecture » shows for each
 * page and « Versions » for one: its settings labelled as the form labels
 * them, its images added and removed, then its body (`RenderedBody`).
 */
export function PageChanges({ page }: { page: ReviewPage }) {
  return (
    <>
      {page.fields.length > 0 && <FieldsTable page={page} />}
      {(page.images.added.length > 0 || page.images.removed.length > 0) && (
        <ImagesChanged page={page} />
      )}
    </>
  )
}

function FieldsTable({ page }: { page: ReviewPage }) {
  const { t } = useTranslation()
  return (
    <table className="compare-fields review-fields" aria-label={t('review.settings')}>
      <thead>
        <tr>
          <th scope="col">{t('review.setting')}</th>
          <th scope="col">{t('review.before')}</th>
          <th scope="col">{t('review.after')}</th>
        </tr>
      </thead>
      <tbody>
        {page.fields.map((field) => (
          <tr key={field.key}>
            <th scope="row" title={field.key}>
              {field.label}
            </th>
            <td className={field.before === null ? 'empty' : 'diff-line removed'}>
              {field.before === null ? t('review.none') : <del>{field.before}</del>}
            </td>
            <td className={field.after === null ? 'empty' : 'diff-line added'}>
              {field.after === null ? t('review.none') : <ins>{field.after}</ins>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ImagesChanged({ page }: { page: ReviewPage }) {
  const { t } = useTranslation()
  return (
    <div className="review-images">
      {page.images.added.length > 0 && (
        <p>
          {t('review.imagesAdded')} :{' '}
          {page.images.added.map((image) => (
            <ins key={image}>{image}</ins>
          ))}
        </p>
      )}
      {page.images.removed.length > 0 && (
        <p>
          {t('review.imagesRemoved')} :{' '}
          {page.images.removed.map((image) => (
            <del key={image}>{image}</del>
          ))}
        </p>
      )}
    </div>
  )
}

/** The body as the site will publish it, in the site's look, from the preview's origin. */
export function RenderedBody({ page, layout }: { page: ReviewPage; layout: PublishedLayout }) {
  const { t } = useTranslation()
  const frames = page.frames
  const name = page.title || page.path
  if (!frames) return null
  if (layout === 'inline') {
    return (
      <iframe
        className="review-frame"
        title={t('review.frameTitle', { page: name })}
        src={frames.inline}
        sandbox=""
      />
    )
  }
  return (
    <div className="review-sides">
      <iframe
        className="review-frame"
        title={t('review.frameBefore', { page: name })}
        src={frames.before}
        sandbox=""
      />
      <iframe
        className="review-frame"
        title={t('review.frameAfter', { page: name })}
        src={frames.after}
        sandbox=""
      />
    </div>
  )
}
