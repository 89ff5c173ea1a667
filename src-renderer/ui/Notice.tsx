import { useEffect } from 'react'
import { IconButton } from './IconButton.js'
import { useTranslation } from 'react-i18next'
import { useStore } from '../stores/store.js'
import { uiStore } from '../stores/ui-store.js'

/** A short message in the corner (an action refused, a file not found); fades after a while. */
export function Notice() {
  const { t } = useTranslation()
  const notice = useStore(uiStore, (state) => state.notice)
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => uiStore.set({ notice: null }), 6000)
    return () => clearTimeout(timer)
  }, [notice])
  if (!notice) return null
  return (
    <div className="notice" role="alert">
      <span className="codicon codicon-info" aria-hidden="true" />
      <span>{t(notice.key, notice.params ?? {})}</span>
      <IconButton
        icon="close"
        label={t('tabs.close')}
        onClick={() => uiStore.set({ notice: null })}
      />
    </div>
  )
}
