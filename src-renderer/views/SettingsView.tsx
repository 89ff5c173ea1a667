import { useTranslation } from 'react-i18next'
import type { Language } from '../../src-shared/api/types.js'
import { languages } from '../../src-shared/i18n/catalogues.js'
import { attempt } from '../ui/report-failure.js'
import { requestOpenWorkspace } from '../stores/close-tab.js'
import { useStore } from '../stores/store.js'
import { changeAutosave, changeLanguage, workspaceStore } from '../stores/workspace-store.js'
import { RemotesList } from './sync/RemotesList.js'

export function SettingsView() {
  const { t } = useTranslation()
  const settings = useStore(workspaceStore, (state) => state.settings)
  return (
    <section className="view">
      <header className="view-header">
        <h2>{t('settings.title')}</h2>
      </header>
      <div className="settings">
        <label className="field">
          <span>{t('settings.language')}</span>
          <select
            value={settings.language}
            onChange={(event) => void attempt(() => changeLanguage(event.target.value as Language))}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
          <small>{t('settings.languageHelp')}</small>
        </label>
        <label className="field field-inline">
          <input
            type="checkbox"
            checked={settings.autosave}
            onChange={(event) => void attempt(() => changeAutosave(event.target.checked))}
          />
          <span>{t('settings.autosave')}</span>
          <small>{t('settings.autosaveHelp')}</small>
        </label>
        {settings.recentWorkspaces.length > 0 && (
          <div className="field">
            <span>{t('settings.recent')}</span>
            <ul className="recent-list">
              {settings.recentWorkspaces.map((folder) => (
                <li key={folder}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void attempt(() => requestOpenWorkspace(folder))}
                  >
                    {folder}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <RemotesList />
      </div>
    </section>
  )
}
