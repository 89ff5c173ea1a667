import { useEffect } from 'react'
import { IconButton } from './IconButton.js'
import { useTranslation } from 'react-i18next'

/** A catalogue key and its parameters: the notice translates when it shows. */
export interface NoticeMessage {
  key: string
  params?: Record<string, string>
}

/**
 * A short message in the corner (an action refused, a file not found); fades after a while.
 * Each new message restarts the delay, so `onDismiss` must keep its identity between renders.
 */
export function Notice({
  message,
  onDismiss,
}: {
  message: NoticeMessage | null
  onDismiss(): void
}) {
  const { t } = useTranslation()
  useEffect(() => {
    if (!message) return
    const timer = setTimeout(onDismiss, 6000)
    return () => clearTimeout(timer)
  }, [message, onDismiss])
  if (!message) return null
  return (
    <div className="notice" role="alert">
      <span className="codicon codicon-info" aria-hidden="true" />
      <span>{t(message.key, message.params ?? {})}</span>
      <IconButton icon="close" label={t('tabs.close')} onClick={onDismiss} />
    </div>
  )
}
