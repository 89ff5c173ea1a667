import { useEffect } from 'react'
import { IconButton } from './IconButton.js'
import { useTranslation } from 'react-i18next'

/** A catalogue key and its parameters: the notice translates when it shows. */
export interface NoticeMessage {
  key: string
  params?: Record<string, string>
  /** A button in the notice (« Annuler »): its catalogue key and what it does. */
  action?: { key: string; run(): void }
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
    // An offer to undo stays longer: the user has to read it, then decide.
    const timer = setTimeout(onDismiss, message.action ? 12000 : 6000)
    return () => clearTimeout(timer)
  }, [message, onDismiss])
  if (!message) return null
  return (
    <div className="notice" role="alert">
      <span className="codicon codicon-info" aria-hidden="true" />
      <span>{t(message.key, message.params ?? {})}</span>
      {message.action && (
        <button
          type="button"
          className="notice-action"
          onClick={() => {
            onDismiss()
            message.action?.run()
          }}
        >
          {t(message.action.key)}
        </button>
      )}
      <IconButton icon="close" label={t('tabs.close')} onClick={onDismiss} />
    </div>
  )
}
