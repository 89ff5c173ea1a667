import { useTranslation } from 'react-i18next'
import type { ChangeKind } from '../../../src-shared/api/types.js'

/** The letter VS Code puts after a changed file (M, N, S…), coloured by kind, named for readers. */
export function ChangeBadge({ kind }: { kind: ChangeKind }) {
  const { t } = useTranslation()
  return (
    <span
      className={`change-badge change-${kind}`}
      title={t(`versions.kind.${kind}`)}
      data-change={kind}
    >
      <span aria-hidden="true">{t(`versions.letter.${kind}`)}</span>
      <span className="visually-hidden">{t(`versions.kind.${kind}`)}</span>
    </span>
  )
}
