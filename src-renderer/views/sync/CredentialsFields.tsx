import { useTranslation } from 'react-i18next'

/** User name and token, with what a token is, for the host that asked. */
export function CredentialsFields(props: {
  host: string
  username: string
  token: string
  onUsername(value: string): void
  onToken(value: string): void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="sync-credentials" disabled={props.disabled}>
      <p className="dialog-intro" role="alert">
        {t('sync.credentialsIntro', { host: props.host })}
      </p>
      <label className="field">
        <span>{t('sync.username')}</span>
        <input
          required
          autoComplete="username"
          spellCheck={false}
          value={props.username}
          onChange={(event) => props.onUsername(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('sync.token')}</span>
        <input
          required
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          value={props.token}
          onChange={(event) => props.onToken(event.target.value)}
        />
      </label>
      <small className="field-help">{t('sync.credentialsKept')}</small>
    </fieldset>
  )
}
