import type { EditorView } from '@tiptap/pm/view'
import { useEditor } from '@tiptap/react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PageContent } from '../../src-shared/api/types.js'
import { editorExtensions } from '../../src-shared/editor-schema/extensions.js'
import type { PageModel } from '../../src-shared/markdown/page-document.js'
import { typeForCollection } from '../../src-shared/content-types/lookup.js'
import type { FieldValue } from '../../src-shared/front-matter/front-matter-edit.js'
import { frontMatterField, setFrontMatterField } from '../../src-shared/markdown/edit-operations.js'
import { attempt } from '../ui/report-failure.js'
import { useStore } from '../stores/store.js'
import { workspaceStore } from '../stores/workspace-store.js'
import { imageStore } from '../stores/image-store.js'
import { takeReveal, tabsStore } from '../stores/tabs-store.js'
import {
  registerActiveDiscard,
  registerActiveSave,
  registerActiveText,
} from '../stores/active-editor.js'
import { ConflictBanner } from './ConflictBanner.js'
import { pageSessionFor } from './open-page-session.js'
import type { PageSession } from './page-session.js'
import { SourceBlockWithView, SourceInlineWithView } from './source-views.js'
import { SettingsForm } from './SettingsForm.js'
import { Backlinks } from './Backlinks.js'
import { CommentMarks } from './comment-marks.js'
import { EditorComments } from './EditorComments.js'
import { Toolbar } from './Toolbar.js'
import { PageText, prepareNodeViews } from './page-text.js'
import { ImageWithView } from './image-view.js'
import { editorDocJson } from './editor-json.js'
import { pasteMarkdown } from './paste-markdown.js'
import { cleanPastedHtml } from './paste-word.js'
import { prepareImage } from './prepare-image.js'
import { revealRange } from './reveal-line.js'

/** Problems that keep a page out of the editor entirely: its bytes are never loaded nor written. */
const UNREADABLE = new Set(['not-utf8', 'too-large', 'binary', 'unreadable', 'page-too-large'])

const extensions = [
  ...editorExtensions({
    sourceBlock: SourceBlockWithView,
    sourceInline: SourceInlineWithView,
    image: ImageWithView,
  }),
  // Reviewers' comments marked in the margin (no node: the page's schema is unchanged).
  CommentMarks,
]

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
 * rich text, saved through `savePage` so only what changed is rewritten. The
 * page's session (`page-session.ts`) decides when to save and what a change
 * on disk means; this component renders it and forwards the editor's events.
 */
export function PageEditor({ path }: { path: string }) {
  const { t } = useTranslation()
  const session = useMemo(() => pageSessionFor(path), [path])
  const view = useStore(session.view, (state) => state)
  const touched = useStore(workspaceStore, (state) =>
    state.lastChanged.paths.includes(path) ? state.lastChanged.at : 0,
  )

  useEffect(() => {
    void session.read(touched !== 0)
  }, [session, touched])

  if (view.failure)
    return (
      <p className="page-problem" role="alert">
        {t(view.failure)}
      </p>
    )
  if (!view.loaded) return null
  const { content, version } = view.loaded
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
      key={version}
      path={path}
      session={session}
      content={content}
      conflict={view.conflict}
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

/** One loaded version of the page: rebuilt (by its key) when the page is read again. */
function EditorBody(props: {
  path: string
  session: PageSession
  content: PageContent
  conflict: string | null
}) {
  const { t } = useTranslation()
  const { session, path } = props
  // The session holds the model; this copy re-renders the form when a field changes.
  const [page, setPage] = useState<PageModel>(() => session.model!)
  // The same options object parts on every render: TipTap hands changed options to the view
  // (`setOptions`, which sets the DOM selection from its state), and a render while a key is
  // being typed then put the caret back before the letter just typed (seen in e2e under load:
  // a setting saved, the explorer's index read again, a letter landed at a paragraph's end).
  const [initialDoc] = useState(() => page.doc)
  const editorProps = useMemo(
    () => ({
      attributes: { class: 'page-text', 'aria-label': t('reader.text'), spellcheck: 'false' },
      handlePaste: (view: EditorView, event: ClipboardEvent) =>
        takeImage(event.clipboardData?.files) || pasteMarkdown(view, event),
      // Word's lists (paragraphs with typed bullets) as lists; a table's first row as its header.
      transformPastedHTML: cleanPastedHtml,
      handleDrop: (_view: EditorView, event: Event) =>
        takeImage((event as DragEvent).dataTransfer?.files),
    }),
    [t],
  )
  const editor = useEditor({
    extensions,
    content: initialDoc,
    editorProps,
    onBeforeCreate: prepareNodeViews,
    // Per key: the session only re-arms its timers; nothing here re-renders.
    onUpdate: () => session.edited(),
  })

  useEffect(() => {
    if (!editor) return
    // Each block converted once per node: typing converts and hashes only the blocks typed in.
    const detach = session.attach(() => editorDocJson(editor.state.doc))
    // The live preview reads the text when it needs it (after a pause in typing).
    registerActiveText({
      path,
      current: () => session.currentText(),
      saved: () => session.savedText,
    })
    registerActiveSave(() => attempt(() => session.save()).then(() => undefined))
    registerActiveDiscard({ path, discard: () => session.discard() })
    const onBlur = () => session.savePending()
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('blur', onBlur)
      registerActiveSave(null)
      registerActiveDiscard(null)
      registerActiveText(null)
      // Closing or switching the tab saves what is pending, or keeps it in a copy.
      detach()
    }
  }, [editor, session, path])

  // A search result or a problem opened this page at a line: show it once the editor is ready.
  const pendingReveal = useStore(tabsStore, (state) => state.reveal?.path === path)
  useEffect(() => {
    if (!editor || !pendingReveal) return
    const reveal = takeReveal(path)
    if (!reveal) return
    const model = session.model ?? page
    const range = revealRange(editor.state.doc, model.frontMatter, reveal.line, reveal.text)
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run()
  }, [editor, pendingReveal, path, session, page])

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
    const next = setFrontMatterField(session.model ?? page, fieldPath, value)
    session.setPage(next)
    setPage(next)
  }
  const title = frontMatter?.title
  const hero = frontMatter?.hero as { text?: unknown } | undefined
  const settingsProblem = props.content.problem

  return (
    <div className="page-editor">
      {editor && <Toolbar editor={editor} />}
      <article className="page-reader" lang="fr">
        {props.conflict !== null && <ConflictBanner session={session} disk={props.conflict} />}
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
        <Backlinks path={props.path} />
        <EditorComments path={props.path} editor={editor} />
        {editor && <PageText editor={editor} />}
      </article>
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
