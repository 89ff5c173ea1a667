import { moveSelection, PaletteFrame } from '../ui/PaletteFrame.js'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { commands } from '../commands/commands.js'
import {
  activeKeybinding,
  formatKeybinding,
  keyContextOf,
  type KeyContext,
} from '../commands/keybinding.js'
import { useStore } from '../stores/store.js'
import { openTab } from '../stores/tabs-store.js'
import { closePalette, openDialog, uiStore, type Palette } from '../stores/ui-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { ContributionPicker } from '../views/versions/ContributionPicker.js'
import { matchesQuery } from '../ui/palette-filter.js'
import { attempt } from '../ui/report-failure.js'

interface Choice {
  id: string
  label: string
  detail?: string
  run(): void | Promise<void>
}

/** Ctrl+Shift+P lists every command with its shortcut; Ctrl+P finds a page by title. */
export function CommandPalette() {
  const mode = useStore(uiStore, (state) => state.palette)
  // Where the user was when the palette opened (before its field took the focus): the
  // shortcuts shown are those valid there.
  const [openedFrom, setOpenedFrom] = useState<KeyContext | null>(null)
  if (mode && !openedFrom) setOpenedFrom(keyContextOf(document.activeElement))
  if (!mode && openedFrom) setOpenedFrom(null)
  // Keyed by mode: switching palettes starts from an empty query.
  if (mode === 'contributions') return <ContributionPicker />
  return mode ? <PaletteBody key={mode} mode={mode} context={openedFrom} /> : null
}

function PaletteBody({ mode, context }: { mode: Palette; context: KeyContext | null }) {
  const { t } = useTranslation()
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const contentTypes = useStore(workspaceStore, (state) => state.contentTypes)
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState(0)

  const choices = useMemo<Choice[]>(() => {
    if (mode === 'commands') {
      // « Nouveau cas pratique », « Nouvel article »…: one command per content type.
      const typed: Choice[] = (contentTypes?.ok ? contentTypes.value.types : []).map((type) => ({
        id: `page.new.${type.id}`,
        label: t('commands.newOfType', { type: type.label }),
        run: () => openDialog({ kind: 'new-page', collection: type.collection }),
      }))
      return commands
        .filter((command) => command.when?.() ?? true)
        .map((command) => {
          const choice: Choice = { id: command.id, label: t(command.title), run: command.run }
          const binding = activeKeybinding(command.keybinding, context ?? keyContextOf(null))
          if (binding) choice.detail = formatKeybinding(binding)
          return choice
        })
        .concat(typed)
        .filter((choice) => matchesQuery(query, choice.label))
    }
    if (mode === 'pages') {
      return (pages ?? [])
        .filter((page) => matchesQuery(query, page.title, page.path))
        .slice(0, 200)
        .map((page) => ({
          id: page.path,
          label: page.title,
          detail: page.path,
          run: () => openTab(page.path),
        }))
    }
    return []
  }, [mode, query, pages, contentTypes, context, t])

  const choose = (choice: Choice | undefined) => {
    if (!choice) return
    closePalette()
    void attempt(async () => choice.run())
  }

  return (
    <PaletteFrame label={t('palette.label')} onClose={closePalette}>
      <input
        autoFocus
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={choices[selected] ? `palette-${selected}` : undefined}
        placeholder={t(
          mode === 'commands' ? 'palette.placeholder' : 'palette.quickOpenPlaceholder',
        )}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setSelected(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') choose(choices[selected])
          else if (event.key === 'Escape') closePalette()
          else if (!moveSelection(event.key, choices.length, setSelected)) return
          event.preventDefault()
        }}
      />
      <ul id="palette-list" className="palette-list" role="listbox">
        {choices.length === 0 && <li className="palette-empty">{t('palette.noResults')}</li>}
        {choices.map((choice, index) => (
          <li
            key={choice.id}
            id={`palette-${index}`}
            role="option"
            aria-selected={index === selected}
            className={`palette-item${index === selected ? ' selected' : ''}`}
            onMouseEnter={() => setSelected(index)}
            onClick={() => choose(choice)}
          >
            <span className="palette-label">{choice.label}</span>
            {choice.detail && <span className="palette-detail">{choice.detail}</span>}
          </li>
        ))}
      </ul>
    </PaletteFrame>
  )
}
