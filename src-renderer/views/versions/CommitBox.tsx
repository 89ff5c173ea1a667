import { useTranslation } from 'react-i18next'
import { attempt } from '../../ui/report-failure.js'
import { useStore } from '../../stores/store.js'
import { openDialog } from '../../stores/ui-store.js'
import { versionsStore } from '../../stores/versions-store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { saveVersion } from '../../stores/versions-actions.js'

/** The message of the next version and « Enregistrer une version » (Ctrl+Entrée in the box). */
export function CommitBox() {
  const { t } = useTranslation()
  const message = useStore(versionsStore, (state) => state.message)
  const author = useStore(workspaceStore, (state) => state.settings.author)
  return (
    <div className="commit-box">
      <label className="commit-label" htmlFor="versions-message">
        {t('versions.messageLabel')}
      </label>
      <textarea
        id="versions-message"
        className="commit-message"
        rows={3}
        placeholder={t('versions.messagePlaceholder')}
        value={message}
        onChange={(event) => versionsStore.set({ message: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            void attempt(saveVersion)
          }
        }}
      />
      <button
        type="button"
        className="button commit-button"
        onClick={() => void attempt(saveVersion)}
      >
        <span className="codicon codicon-check" aria-hidden="true" />
        {t('versions.save')}
      </button>
      {author && (
        <button
          type="button"
          className="link-button commit-author"
          onClick={() => openDialog({ kind: 'author' })}
        >
          {t('versions.author.edit', { name: author.name })}
        </button>
      )}
    </div>
  )
}
