import { useEditorState, type Editor } from '@tiptap/react'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { internalLink } from '../../src-shared/content-types/lookup.js'
import { api } from '../api/client.js'
import { CHORD_DONE_EVENT, CHORD_MS } from '../commands/keybinding.js'
import { attempt } from '../ui/report-failure.js'
import { imageStore } from '../stores/image-store.js'
import { useStore } from '../stores/store.js'
import { prepareImage } from './prepare-image.js'
import { workspaceStore } from '../stores/workspace-store.js'
import {
  activeButtons,
  applyLink,
  insertImage,
  linkAtCaret,
  tableButtons,
  toolbarButtons,
  type ToolbarButton,
} from './toolbar-actions.js'

/** The French formatting bar above the text; every action also has its usual shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const [linking, setLinking] = useState<string | null>(null)
  // The toolbar re-renders only when what the caret is in changes, not on every keystroke.
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => activeButtons(current),
  })
  const pendingImage = useStore(imageStore, (state) => state.pending)
  const [alt, setAlt] = useState('')
  // The alt text is required: said in our words (the browser's bubble speaks the system's language).
  const [altMissing, setAltMissing] = useState(false)
  const altInput = useRef<HTMLInputElement>(null)
  const altMissingId = useId()
  const fileInput = useRef<HTMLInputElement>(null)

  const addImage = async (event: FormEvent) => {
    event.preventDefault()
    if (!pendingImage) return
    if (!alt.trim()) {
      setAltMissing(true)
      altInput.current?.focus()
      return
    }
    const { url } = await api.call('media.add', {
      name: pendingImage.name,
      data: pendingImage.data,
    })
    insertImage(editor, url, alt)
    imageStore.set({ pending: null })
    setAlt('')
  }
  const pages = useStore(workspaceStore, (state) => state.index?.pages)
  const contentTypes = useStore(workspaceStore, (state) => state.contentTypes)

  // Ctrl+K (Cmd+K) in the text opens the link field, as in word processors.
  const linkByKey = useRef(false)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && editor.isFocused) {
        event.preventDefault()
        setLinking(linkAtCaret(editor))
        linkByKey.current = true
        setTimeout(() => (linkByKey.current = false), CHORD_MS)
      }
    }
    // Ctrl+K V (the preview) was meant: the link field opened by Ctrl+K closes again.
    const onChord = () => {
      if (!linkByKey.current) return
      linkByKey.current = false
      setLinking(null)
      editor.commands.focus()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener(CHORD_DONE_EVENT, onChord)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(CHORD_DONE_EVENT, onChord)
    }
  }, [editor])

  const submitLink = (event: FormEvent) => {
    event.preventDefault()
    applyLink(editor, linking ?? '')
    setLinking(null)
  }

  const render = (button: ToolbarButton) => (
    <button
      key={button.id}
      type="button"
      className={`toolbar-button${active.includes(button.id) ? ' active' : ''}`}
      aria-pressed={button.active ? active.includes(button.id) : undefined}
      aria-label={button.icon ? t(button.label) : undefined}
      title={button.keys ? `${t(button.label)} (${button.keys})` : t(button.label)}
      data-action={button.id}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => button.run(editor)}
    >
      {button.icon ? (
        <span className={`codicon codicon-${button.icon}`} aria-hidden="true" />
      ) : (
        // « T2 » is what shows; « Titre 2 » is its name (a name that is not
        // the visible text would fail speech users who say what they see).
        <>
          <span aria-hidden="true">{t(`${button.label}Short`)}</span>
          <span className="visually-hidden">{t(button.label)}</span>
        </>
      )}
    </button>
  )

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {toolbarButtons.map((button, index) =>
        button === 'separator' ? (
          <span key={`separator-${index}`} className="toolbar-separator" aria-hidden="true" />
        ) : (
          render(button)
        ),
      )}
      {active.includes('table') && (
        <span className="toolbar-group" role="group" aria-label={t('tableToolbar.label')}>
          {tableButtons.map(render)}
        </span>
      )}
      <button
        type="button"
        className={`toolbar-button${active.includes('link') ? ' active' : ''}`}
        aria-label={t('toolbar.link')}
        title={`${t('toolbar.link')} (Ctrl+K)`}
        data-action="link"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setLinking(linkAtCaret(editor))}
      >
        <span className="codicon codicon-link" aria-hidden="true" />
      </button>
      <button
        type="button"
        className="toolbar-button"
        aria-label={t('toolbar.image')}
        title={t('toolbar.image')}
        data-action="image"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => fileInput.current?.click()}
      >
        <span className="codicon codicon-file-media" aria-hidden="true" />
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        hidden
        data-testid="image-file"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void attempt(async () => imageStore.set({ pending: await prepareImage(file) }))
        }}
      />
      {pendingImage && (
        <form
          className="toolbar-link toolbar-image"
          noValidate
          onSubmit={(event) => void attempt(() => addImage(event))}
        >
          <label>
            <span>{t('editor.altLabel')}</span>
            <input
              ref={altInput}
              autoFocus
              required
              aria-invalid={altMissing || undefined}
              aria-describedby={altMissing ? altMissingId : undefined}
              value={alt}
              onChange={(event) => {
                setAlt(event.target.value)
                setAltMissing(false)
              }}
            />
            <small>{t('editor.altHelp')}</small>
          </label>
          {altMissing && (
            <p className="field-error" role="alert" id={altMissingId}>
              {t('editor.altMissing')}
            </p>
          )}
          <button type="submit" className="button">
            {t('editor.insertImage')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              imageStore.set({ pending: null })
              setAltMissing(false)
            }}
          >
            {t('pageDialog.cancel')}
          </button>
        </form>
      )}
      {linking !== null && (
        <form className="toolbar-link" onSubmit={submitLink}>
          <input
            autoFocus
            aria-label={t('toolbar.linkAddress')}
            placeholder="https://…"
            value={linking}
            onChange={(event) => setLinking(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return
              setLinking(null)
              editor.commands.focus()
            }}
          />
          <select
            aria-label={t('toolbar.linkPage')}
            value=""
            onChange={(event) => {
              if (event.target.value)
                setLinking(
                  internalLink(contentTypes?.ok ? contentTypes.value : null, event.target.value),
                )
            }}
          >
            <option value="">{t('toolbar.linkPage')}</option>
            {(pages ?? []).map((page) => (
              <option key={page.path} value={page.path}>
                {page.title}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t('toolbar.linkApply')}
          </button>
        </form>
      )}
    </div>
  )
}
