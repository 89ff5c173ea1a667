import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Backlink } from '../../src-shared/api/types.js'
import { api } from '../api/client.js'
import { useStore } from '../stores/store.js'
import { openFile, openTab } from '../stores/tabs-store.js'
import { findPage, workspaceStore } from '../stores/workspace-store.js'

/**
 * « Pages qui mènent ici »: the places that name the open page (links, `theme:`, menu
 * data), each opening its page at the line. Read again when files change on disk (a rename,
 * another program's edit) and when the list is opened.
 */
export function Backlinks({ path }: { path: string }) {
  const { t } = useTranslation()
  const [links, setLinks] = useState<Backlink[] | null>(null)
  const changed = useStore(workspaceStore, (state) => state.lastChanged.at)
  // Read again when the list is opened too: a save elsewhere in this session may add a link,
  // and reading the whole site after every autosave would cost a large guide too much.
  const [opened, setOpened] = useState(0)
  useEffect(() => {
    let current = true
    api.call('links.backlinks', { path }).then(
      (found) => current && setLinks(found),
      () => current && setLinks(null),
    )
    return () => {
      current = false
    }
  }, [path, changed, opened])
  if (!links) return null
  return (
    <details
      className="backlinks"
      data-testid="backlinks"
      onToggle={(event) => event.currentTarget.open && setOpened((count) => count + 1)}
    >
      <summary>{t('backlinks.title', { count: links.length })}</summary>
      {links.length === 0 ? (
        <p className="modal-help">{t('backlinks.none')}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={`${link.path}:${link.line}`}>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  findPage(link.path)
                    ? openTab(link.path, { line: link.line })
                    : openFile(link.path)
                }
              >
                {link.title}
              </button>{' '}
              <small>
                {t('rename.line', { line: link.line })} · <code>{link.text}</code>
              </small>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}
