import { useTranslation } from 'react-i18next'
import type { ReviewStatus } from '../../../src-shared/api/review-types.js'

const ICONS: Record<ReviewStatus, string> = {
  'to-review': 'eye',
  commented: 'comment-discussion',
  'changes-requested': 'edit',
  approved: 'pass',
  integrated: 'git-merge',
}

/** Where a contribution stands: an icon and a word, so it never rests on colour alone. */
export function StatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`review-status status-${status}`} data-status={status}>
      <span className={`codicon codicon-${ICONS[status]}`} aria-hidden="true" />
      {t(`review.status.${status}`)}
    </span>
  )
}
