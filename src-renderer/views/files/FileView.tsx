import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.js'
import { useStore } from '../../stores/store.js'
import { workspaceStore } from '../../stores/workspace-store.js'
import { attempt } from '../../ui/report-failure.js'

/** The images the app shows itself (as main's media reader serves them). */
const IMAGE = /\.(png|jpe?g|gif|webp)$/i

/**
 * A file of « Fichiers du site » that is not a page: an image to look at, a text file
 * (`_config.yml`, a stylesheet) to read. Nothing here writes: settings files have their
 * own rules, and a mistake in them breaks the whole site.
 */
export function FileView({ path }: { path: string }) {
  const { t } = useTranslation()
  const shell = useStore(workspaceStore, (state) => state.shell)
  const image = IMAGE.test(path)
  const [text, setText] = useState<string | null | undefined>(undefined)

  useEffect(() => {
    if (image) return
    let current = true
    void attempt(async () => {
      const content = await api.call('pages.read', { path })
      // A binary, undecodable or too large file comes back with no text, and says why.
      const unreadable = ['binary', 'not-utf8', 'page-too-large'].includes(
        content.problem?.code ?? '',
      )
      if (current) setText(unreadable ? null : content.text)
    })
    return () => {
      current = false
    }
  }, [path, image])

  const url =
    shell === 'electron'
      ? `atelier-media://workspace/${encodeURI(path)}`
      : `/workspace-media/${encodeURI(path)}`
  return (
    <div className="file-view">
      <p className="file-view-note">
        <span className="codicon codicon-lock" aria-hidden="true" /> {t('explorer.fileReadOnly')}
      </p>
      {image ? (
        <img src={url} alt={path} />
      ) : text === null ? (
        <p className="view-empty">{t('explorer.fileNotShown')}</p>
      ) : (
        text !== undefined && (
          <pre tabIndex={0} aria-label={path}>
            {text}
          </pre>
        )
      )}
    </div>
  )
}
