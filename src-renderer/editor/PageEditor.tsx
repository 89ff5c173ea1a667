import { EditorContent, useEditor } from '@tiptap/react'
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PageContent } from '../../src-shared/api/types.js'
import { editorExtensions } from '../../src-shared/editor-schema/extensions.js'
import type { EditorDoc } from '../../src-shared/markdown/editor-document.js'
import { openPage, savePage, type PageModel } from '../../src-shared/markdown/page-document.js'
import { countWords } from '../../src-shared/markdown/word-count.js'
import { changesOnly, diffLines, type DiffLine } from '../../src-shared/diff/line-diff.js'
import { typeForCollection } from '../../src-shared/content-types/content-types.js'
import type { FieldValue } from '../../src-shared/front-matter/front-matter-edit.js'
import { frontMatterField, setFrontMatterField } from '../../src-shared/markdown/edit-operations.js'
import { ApiFailure, api } from '../api/client.js'
import { attempt } from '../ui/report-failure.js'
import { notify } from '../stores/ui-store.js'
import { refreshIndex } from '../stores/workspace-store.js'
import { isChangedOnDisk, saveCopyBeside } from './conflict-copy.js'
import { useStore } from '../stores/store.js'
import { editorStatusStore } from '../stores/editor-status-store.js'
import { setTabDirty } from '../stores/tabs-store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import {
  registerActiveSave,
  registerActiveText,
  reportTextChanged,
} from '../stores/active-editor.js'
import { SourceBlockWithView, SourceInlineWithView } from './source-views.js'
import { SettingsForm } from './SettingsForm.js'
import { Toolbar } from './Toolbar.js'
import { ImageWithView } from './image-view.js'
import { pasteMarkdown } from './paste-markdown.js'
import { prepareImage } from './prepare-image.js'
import { imageStore } from '../stores/image-store.js'
import { sideBySide } from './side-by-side.js'

/** Problems that keep a page out of the editor entirely: its bytes are never loaded nor written. */
const UNREADABLE = new Set(['not-utf8', 'too-large', 'binary', 'unreadable', 'page-too-large'])
const AUTOSAVE_MS = 2000
const JOURNAL_MS = 500

const extensions = editorExtensions({
  sourceBlock: SourceBlockWithView,
  sourceInline: SourceInlineWithView,
  image: ImageWithView,
})

/** Images pasted or dropped into the text go through the same scaling and alt-text step as the button. */
function takeImage(files: FileList | undefined | null): boolean {
  const file = [...(files ?? [])].find((candidate) =>
    /^image\/(png|jpeg|gif|webp)$/.test(candidate.type),
  )
  if (!file) return false
  void attempt(async () => imageStore.set({ pending: await prepareImage(file) }))
  return true
}

/**
 * A page in the TipTap editor, on the lossless model: the body is edited as
 * rich text, saved through `savePage` so only what changed is rewritten.
 * Saves on Ctrl+S, 2 s after typing stops, when the window loses focus and
 * when the tab closes. Every save carries the hash of the version the editor
 * is based on (`base`) and main refuses it if the file changed since, so a
 * change made on disk by another program is never overwritten: the refusal is
 * the rule, the watcher's early banner only a hint.
 */
export function PageEditor({ path }: { path: string }) {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<{ content: PageContent; version: number } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  /** The text another program wrote while the page had unsaved changes, or null. */
  const [conflict, setConflict] = useState<string | null>(null)
  const lastText = useRef<string | null>(null)
  /** The hash of the disk version the editor's text is based on; every save sends it. */
  const base = useRef<string | null>(null)
  const dirty = useRef(false)
  const changed = useStore(workspaceStore, (state) => state.lastChanged)
  const touched = changed.paths.includes(path) ? changed.at : 0

  const load = useCallback(
    (onlyIfChanged: boolean) =>
      api
        .call('pages.read', { path })
        .then((content) => {
          // Our own save comes back through the watcher: nothing to do.
          if (onlyIfChanged && (content.hash === base.current || content.text === lastText.current))
            return
          // Unsaved edits stay on their old base: saving them is refused until the user chooses.
          if (onlyIfChanged && dirty.current) {
            setConflict(content.text)
            return
          }
          lastText.current = content.text
          base.current = content.hash
          setConflict(null)
          setLoaded((previous) => ({ content, version: (previous?.version ?? 0) + 1 }))
        })
        .catch((error: unknown) =>
          setFailure(
            error instanceof ApiFailure ? `errors.${error.error.code}` : 'errors.unexpected',
          ),
        ),
    [path],
  )

  useEffect(() => {
    void load(touched !== 0)
  }, [load, touched])

  const onDirty = useCallback(
    (value: boolean) => {
      dirty.current = value
      setTabDirty(path, value)
    },
    [path],
  )
  const onSaved = useCallback((text: string) => {
    lastText.current = text
  }, [])
  const onBase = useCallback((hash: string) => {
    base.current = hash
  }, [])
  // Main refused a save: show the disk's text beside the choices.
  const onRefused = useCallback(() => {
    void api
      .call('pages.read', { path })
      .then((content) => setConflict(content.text))
      .catch(() => setConflict(''))
  }, [path])
  const onKeepCopy = useCallback(
    async (text: string) => {
      const copy = await saveCopyBeside(path, text, t('editor.copySuffix'))
      await api.call('journal.discard', { path })
      dirty.current = false
      setTabDirty(path, false)
      await refreshIndex()
      await load(false)
      notify('editor.copySaved', { name: copy })
    },
    [path, t, load],
  )

  if (failure)
    return (
      <p className="page-problem" role="alert">
        {t(failure)}
      </p>
    )
  if (!loaded) return null
  const { content } = loaded
  if (content.problem && UNREADABLE.has(content.problem.code)) {
    return (
      <p className="page-problem" role="alert">
        <span className="codicon codicon-warning" aria-hidden="true" />{' '}
        {t('reader.problem', { message: problemText(t, content.problem) })}
      </p>
    )
  }
  return (
    <EditorBody
      key={loaded.version}
      path={path}
      content={content}
      conflict={conflict}
      getBase={() => base.current}
      onReload={() => {
        dirty.current = false
        void api.call('journal.discard', { path }).catch(() => undefined)
        void load(false)
      }}
      onKeepCopy={(text) => attempt(() => onKeepCopy(text))}
      onRefused={onRefused}
      onDirty={onDirty}
      onSaved={onSaved}
      onBase={onBase}
    />
  )
}

function problemText(
  t: (key: string, params?: Record<string, unknown>) => string,
  problem: NonNullable<PageContent['problem']>,
): string {
  return (
    t(`problems.${problem.code}`) +
    (problem.line ? ` ${t('problems.atLine', { line: problem.line })}` : '')
  )
}

function EditorBody(props: {
  path: string
  content: PageContent
  conflict: string | null
  /** The hash the next save is based on; null before the page is read (never saved then). */
  getBase(): string | null
  onReload(): void
  onKeepCopy(text: string): void
  /** Main refused a save because the file changed on disk. */
  onRefused(): void
  onDirty(dirty: boolean): void
  onSaved(text: string): void
  onBase(hash: string): void
}) {
  const { t } = useTranslation()
  // Front matter edits replace the model; the ref lets timers save the latest one.
  const [page, setPage] = useState<PageModel>(() =>
    openPage(props.content.text, { input: props.content.markdownInput }),
  )
  const pageRef = useRef(page)
  const saved = useRef(props.content.text)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const conflict = useRef(props.conflict !== null)
  const [comparing, setComparing] = useState(false)
  useEffect(() => {
    conflict.current = props.conflict !== null
  }, [props.conflict])
  const { onDirty, onSaved, onBase, onRefused, getBase, path } = props
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    [],
  )

  // Latest edit handler, read by the editor's `onUpdate` (which is set once, at creation).
  const onEdit = useRef<() => void>(() => undefined)
  const editor = useEditor({
    extensions,
    content: page.doc,
    editorProps: {
      attributes: { class: 'page-text', 'aria-label': t('reader.text'), spellcheck: 'false' },
      handlePaste: (view, event) =>
        takeImage(event.clipboardData?.files) || pasteMarkdown(view, event),
      handleDrop: (_view, event) => takeImage((event as DragEvent).dataTransfer?.files),
    },
    onUpdate: () => onEdit.current(),
  })

  /** A closing editor whose text may not go over the file keeps it in a copy and says where. */
  const copyOnClose = useCallback(
    async (text: string) => {
      const copy = await saveCopyBeside(path, text, t('editor.copySuffix'))
      await api.call('journal.discard', { path })
      onDirty(false)
      notify('editor.copySavedOnClose', { name: copy })
      await refreshIndex()
    },
    [path, t, onDirty],
  )
  /** The user chose « Recharger » or « Garder ma version dans une copie »: nothing left to keep. */
  const settled = useRef(false)

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (!editor || editor.isDestroyed) return
    const text = savePage({ ...pageRef.current, doc: editor.getJSON() as EditorDoc })
    if (text === saved.current) {
      onDirty(false)
      return
    }
    const base = getBase()
    if (base === null) return
    // Known before writing, so the watcher's echo of our own save is recognised.
    const previous = saved.current
    saved.current = text
    onSaved(text)
    try {
      onBase((await api.call('pages.save', { path, text, base })).hash)
    } catch (error) {
      saved.current = previous
      onSaved(previous)
      // The file changed since it was read: nothing was written. An open editor shows the
      // choices; a closing one, where nobody can choose, keeps the text in a copy beside it.
      if (isChangedOnDisk(error)) {
        conflict.current = true
        if (mounted.current) onRefused()
        else await copyOnClose(text)
        return
      }
      throw error
    }
    if (journalTimer.current) clearTimeout(journalTimer.current)
    await api.call('journal.discard', { path })
    // Typing may have gone on while the file was written.
    if (savePage({ ...pageRef.current, doc: editor.getJSON() as EditorDoc }) === text)
      onDirty(false)
    reportTextChanged(path)
  }, [editor, path, onDirty, onSaved, onBase, onRefused, getBase, copyOnClose])

  // The latest save, for listeners set up once.
  const saveRef = useRef(save)
  // Closing while in conflict: the text that was not saved goes to a copy, never over the file.
  const keepConflictRef = useRef(() => undefined as void)
  useEffect(() => {
    keepConflictRef.current = () => {
      if (settled.current || !editor || editor.isDestroyed) return
      const text = savePage({ ...pageRef.current, doc: editor.getJSON() as EditorDoc })
      if (text !== saved.current) void attempt(() => copyOnClose(text))
    }
  }, [editor, copyOnClose])
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const journalTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    saveRef.current = save
    onEdit.current = () => {
      onDirty(true)
      reportTextChanged(path)
      // The journal keeps unsaved text half a second after typing stops: a crash loses nothing.
      if (journalTimer.current) clearTimeout(journalTimer.current)
      journalTimer.current = setTimeout(() => {
        if (!editor || editor.isDestroyed) return
        const text = savePage({ ...pageRef.current, doc: editor.getJSON() as EditorDoc })
        const base = getBase()
        if (text !== saved.current && base !== null)
          void api.call('journal.record', { path, text, base }).catch(() => undefined)
      }, JOURNAL_MS)
      // Counting walks the document: done after a pause, never on each key.
      if (countTimer.current) clearTimeout(countTimer.current)
      countTimer.current = setTimeout(() => {
        if (editor && !editor.isDestroyed)
          editorStatusStore.set({ words: countWords(editor.getJSON().content ?? []) })
      }, 300)
      if (timer.current) clearTimeout(timer.current)
      // Never save over a file another program changed meanwhile.
      if (!conflict.current && workspaceStore.get().settings.autosave) {
        // Checked again when it fires: the file may have changed on disk meanwhile.
        timer.current = setTimeout(() => {
          if (!conflict.current) void attempt(save)
        }, AUTOSAVE_MS)
      }
    }
  }, [editor, path, onDirty, save, getBase])

  // The live preview reads the text when it needs it (after a pause in typing).
  useEffect(() => {
    if (!editor) return
    const source = {
      path,
      current: () => savePage({ ...pageRef.current, doc: editor.getJSON() as EditorDoc }),
      saved: () => saved.current,
    }
    registerActiveText(source)
    return () => registerActiveText(null)
  }, [editor, path])

  useEffect(() => {
    editorStatusStore.set({ words: countWords(pageRef.current.doc.content) })
    return () => {
      if (countTimer.current) clearTimeout(countTimer.current)
      editorStatusStore.set({ words: null })
    }
  }, [])

  useEffect(() => {
    const savePending = () => {
      if (timer.current && !conflict.current) void attempt(saveRef.current)
    }
    registerActiveSave(() => attempt(saveRef.current).then(() => undefined))
    window.addEventListener('blur', savePending)
    return () => {
      window.removeEventListener('blur', savePending)
      registerActiveSave(null)
      // Closing or switching the tab saves what is pending, or keeps it in a copy.
      if (conflict.current) keepConflictRef.current()
      else savePending()
    }
  }, [])

  const collection = useStore(
    workspaceStore,
    (state) => state.index?.pages.find((entry) => entry.path === path)?.collection,
  )
  const contentTypes = useStore(workspaceStore, (state) => state.contentTypes)
  const type =
    contentTypes?.ok && collection ? typeForCollection(contentTypes.value, collection) : null
  // Parsed once per front-matter change, not on every render of the editor.
  const frontMatter = useMemo(
    () => (page.frontMatter.kind === 'yaml' ? frontMatterData(page) : props.content.frontMatter),
    [page, props.content.frontMatter],
  )
  const onFieldChange = (fieldPath: string[], value: FieldValue) => {
    const next = setFrontMatterField(pageRef.current, fieldPath, value)
    pageRef.current = next
    setPage(next)
    onEdit.current()
  }
  const title = frontMatter?.title
  const hero = frontMatter?.hero as { text?: unknown } | undefined
  const settingsProblem = props.content.problem

  return (
    <div className="page-editor">
      {editor && <Toolbar editor={editor} />}
      <article className="page-reader" lang="fr">
        {props.conflict !== null && (
          <div className="page-problem conflict" role="alert">
            <p>{t('editor.changedOnDisk')}</p>
            <p className="conflict-help">{t('editor.choicesHelp')}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                settled.current = true
                props.onReload()
              }}
            >
              {t('editor.reload')}
            </button>{' '}
            <button
              type="button"
              className="button secondary"
              disabled={!editor}
              onClick={() => {
                settled.current = true
                if (editor)
                  props.onKeepCopy(
                    savePage({ ...pageRef.current, doc: editor.getJSON() as EditorDoc }),
                  )
              }}
            >
              {t('editor.keepCopy')}
            </button>{' '}
            <button
              type="button"
              className="button secondary"
              aria-expanded={comparing}
              onClick={() => setComparing(!comparing)}
            >
              {t('editor.compare')}
            </button>
            {comparing && editor && (
              <ComparePanel
                disk={props.conflict}
                mine={savePage({ ...page, doc: editor.getJSON() as EditorDoc })}
              />
            )}
          </div>
        )}
        {settingsProblem && (
          <p className="page-problem" role="alert">
            <span className="codicon codicon-warning" aria-hidden="true" />{' '}
            {t('editor.frontMatterReadOnly', { message: problemText(t, settingsProblem) })}
          </p>
        )}
        {typeof title === 'string' && <h1>{title}</h1>}
        {hero && typeof hero.text === 'string' && <p className="page-lead">{hero.text}</p>}
        {page.frontMatter.kind !== 'read-only' && (
          <SettingsForm type={type} data={frontMatter ?? {}} onChange={onFieldChange} />
        )}
        <EditorContent editor={editor} />
      </article>
    </div>
  )
}

/**
 * The file on disk and the text being edited side by side, as the Versions
 * view shows them: only the changed lines, with one line of context, removed
 * lines on the left beside the lines that replace them.
 */
function ComparePanel({ disk, mine }: { disk: string; mine: string }) {
  const { t } = useTranslation()
  // Runs of nearby changes; `changesOnly` marks the unchanged stretches between them with null.
  const runs: DiffLine[][] = [[]]
  for (const line of changesOnly(diffLines(disk, mine))) {
    if (line === null) runs.push([])
    else runs[runs.length - 1]!.push(line)
  }
  return (
    <div className="compare-panel diff side-by-side" role="table" aria-label={t('editor.compare')}>
      <div role="row" className="diff-columns">
        <span role="columnheader">{t('editor.compareDisk')}</span>
        <span role="columnheader">{t('editor.compareMine')}</span>
      </div>
      {runs.map((run, runIndex) => (
        <Fragment key={runIndex}>
          {runIndex > 0 && (
            <div role="row" className="diff-row diff-gap">
              <span role="cell">…</span>
              <span role="cell">…</span>
            </div>
          )}
          {sideBySide(run).map((row, index) => (
            <div key={index} role="row" className="diff-row">
              <span role="cell" className={`diff-line ${row.before ? row.before.kind : 'filler'}`}>
                {row.before?.text ?? ''}
              </span>
              <span role="cell" className={`diff-line ${row.after ? row.after.kind : 'filler'}`}>
                {row.after?.text ?? ''}
              </span>
            </div>
          ))}
        </Fragment>
      ))}
    </div>
  )
}

/** The front matter's current values, read from the model being edited. */
function frontMatterData(page: PageModel): Record<string, unknown> {
  const data = frontMatterField(page, [])
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {}
}
