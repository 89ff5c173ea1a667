import { useEditorState, type Editor } from '@tiptap/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { internalLink } from '../../src-shared/content-types/content-types.js'
import { api } from '../api/client.js'
import { CHORD_DONE_EVENT, CHORD_MS } from '../commands/keybinding.js'
import { attempt } from '../ui/report-failure.js'
import { imageStore } from '../stores/image-store.js'
import { useStore } from '../stores/store.js'
import { prepareImage } from './prepare-image.js'
import { workspaceStore } from '../stores/workspace-store.js'

interface Button {
  id: string
  icon: string
  label: string
  /** Shortcut shown in the tooltip; the keys themselves come from the extensions. */
  keys?: string
  run(editor: Editor): void
  active?(editor: Editor): boolean
}

const ENCADRE = '{: .encadre}'

const buttons: (Button | 'separator')[] = [
  {
    id: 'paragraph',
    icon: 'symbol-text',
    label: 'toolbar.paragraph',
    keys: 'Ctrl+Alt+0',
    run: (e) => e.chain().focus().setParagraph().run(),
    active: (e) => e.isActive('paragraph'),
  },
  ...([2, 3, 4] as const).map((level) => ({
    id: `heading-${level}`,
    icon: '',
    label: `toolbar.heading${level}`,
    keys: `Ctrl+Alt+${level}`,
    run: (e: Editor) => e.chain().focus().toggleHeading({ level }).run(),
    active: (e: Editor) => e.isActive('heading', { level }),
  })),
  'separator',
  {
    id: 'bold',
    icon: 'bold',
    label: 'toolbar.bold',
    keys: 'Ctrl+B',
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    id: 'italic',
    icon: 'italic',
    label: 'toolbar.italic',
    keys: 'Ctrl+I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  'separator',
  {
    id: 'bullet-list',
    icon: 'list-unordered',
    label: 'toolbar.bulletList',
    keys: 'Ctrl+Shift+8',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    id: 'ordered-list',
    icon: 'list-ordered',
    label: 'toolbar.orderedList',
    keys: 'Ctrl+Shift+7',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    id: 'quote',
    icon: 'quote',
    label: 'toolbar.quote',
    keys: 'Ctrl+Shift+B',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive('blockquote'),
  },
  {
    id: 'encadre',
    icon: 'note',
    label: 'toolbar.encadre',
    run: (e) => {
      const current = e.getAttributes('paragraph').ial
      e.chain()
        .focus()
        .updateAttributes('paragraph', { ial: current === ENCADRE ? null : ENCADRE })
        .run()
    },
    active: (e) => e.getAttributes('paragraph').ial === ENCADRE,
  },
  {
    id: 'rule',
    icon: 'dash',
    label: 'toolbar.rule',
    run: (e) => e.chain().focus().setHorizontalRule().run(),
  },
  'separator',
  {
    id: 'undo',
    icon: 'discard',
    label: 'toolbar.undo',
    keys: 'Ctrl+Z',
    run: (e) => e.chain().focus().undo().run(),
  },
  {
    id: 'redo',
    icon: 'redo',
    label: 'toolbar.redo',
    keys: 'Ctrl+Y',
    run: (e) => e.chain().focus().redo().run(),
  },
]

/** The French formatting bar above the text; every action also has its usual shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const [linking, setLinking] = useState<string | null>(null)
  // The toolbar re-renders only when what the caret is in changes, not on every keystroke.
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      buttons
        .filter(
          (button): button is Button => button !== 'separator' && Boolean(button.active?.(current)),
        )
        .map((button) => button.id)
        .concat(current.isActive('link') ? ['link'] : []),
  })
  const pendingImage = useStore(imageStore, (state) => state.pending)
  const [alt, setAlt] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)

  const insertImage = async (event: FormEvent) => {
    event.preventDefault()
    if (!pendingImage || !alt.trim()) return
    const { url } = await api.call('media.add', {
      name: pendingImage.name,
      data: pendingImage.data,
    })
    editor
      .chain()
      .focus()
      .setImage({ src: `{{ '${url}' | relative_url }}`, alt: alt.trim() })
      .run()
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
        setLinking(String(editor.getAttributes('link').href ?? ''))
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

  const applyLink = (event: FormEvent) => {
    event.preventDefault()
    const href = (linking ?? '').trim()
    const chain = editor.chain().focus().extendMarkRange('link')
    if (href) chain.setLink({ href }).run()
    else chain.unsetLink().run()
    setLinking(null)
  }

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {buttons.map((button, index) =>
        button === 'separator' ? (
          <span key={`separator-${index}`} className="toolbar-separator" aria-hidden="true" />
        ) : (
          <button
            key={button.id}
            type="button"
            className={`toolbar-button${active.includes(button.id) ? ' active' : ''}`}
            aria-pressed={button.active ? active.includes(button.id) : undefined}
            aria-label={t(button.label)}
            title={button.keys ? `${t(button.label)} (${button.keys})` : t(button.label)}
            data-action={button.id}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => button.run(editor)}
          >
            {button.icon ? (
              <span className={`codicon codicon-${button.icon}`} aria-hidden="true" />
            ) : (
              t(`${button.label}Short`)
            )}
          </button>
        ),
      )}
      <button
        type="button"
        className={`toolbar-button${active.includes('link') ? ' active' : ''}`}
        aria-label={t('toolbar.link')}
        title={`${t('toolbar.link')} (Ctrl+K)`}
        data-action="link"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setLinking(String(editor.getAttributes('link').href ?? ''))}
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
          onSubmit={(event) => void attempt(() => insertImage(event))}
        >
          <label>
            <span>{t('editor.altLabel')}</span>
            <input
              autoFocus
              required
              value={alt}
              onChange={(event) => setAlt(event.target.value)}
            />
            <small>{t('editor.altHelp')}</small>
          </label>
          <button type="submit" className="button" disabled={!alt.trim()}>
            {t('editor.insertImage')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => imageStore.set({ pending: null })}
          >
            {t('pageDialog.cancel')}
          </button>
        </form>
      )}
      {linking !== null && (
        <form className="toolbar-link" onSubmit={applyLink}>
          <input
            autoFocus
            aria-label={t('toolbar.linkAddress')}
            placeholder="https://…"
            value={linking}
            onChange={(event) => setLinking(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setLinking(null)}
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
