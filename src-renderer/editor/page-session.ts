import type { PageContent, SavedPage } from '../../src-shared/api/types.js'
import type { EditorDoc } from '../../src-shared/markdown/editor-document.js'
import { openPage, savePage, type PageModel } from '../../src-shared/markdown/page-document.js'
import { countWords } from '../../src-shared/markdown/word-count.js'
import type { ApiPort } from '../api/api-port.js'
import { ApiFailure } from '../api/client.js'
import { createStore, type Store } from '../stores/store.js'
import { isChangedOnDisk, saveCopyBeside } from './conflict-copy.js'

/** Pauses in typing after which the idle work runs; nothing that walks the page runs per key. */
export const AUTOSAVE_MS = 2000
export const JOURNAL_MS = 500
export const COUNT_MS = 300

/** A delay of `Schedule`: once the next frame is drawn and the browser has a moment to spare. */
export const AFTER_PAINT_MS = 0

/**
 * Runs `task` after `ms` (`AFTER_PAINT_MS`: after the next frame, when idle); returns what
 * cancels it. Injected so tests drive time themselves.
 */
export type Schedule = (ms: number, task: () => void) => () => void

const browserSchedule: Schedule = (ms, task) => {
  if (ms !== AFTER_PAINT_MS) {
    const id = setTimeout(task, ms)
    return () => clearTimeout(id)
  }
  // Asked from the frame's callback, the idle time is the one after that frame is drawn.
  let idle: number | undefined
  const frame = requestAnimationFrame(() => {
    idle = requestIdleCallback(task, { timeout: 1000 })
  })
  return () => {
    cancelAnimationFrame(frame)
    if (idle !== undefined) cancelIdleCallback(idle)
  }
}

/** What the editor around the page shows; changes only on loads, conflicts and failures, never per key. */
export interface PageView {
  /** The version of the page the editor is built from; `version` grows with every (re)load. */
  loaded: { content: PageContent; version: number } | null
  /** The i18n key of why the page could not be read. */
  failure: string | null
  /** The text another program wrote while the page had unsaved changes, or null. */
  conflict: string | null
}

/** What the session tells the rest of the workbench; each is cheap and called only on a change. */
export interface PageSessionEffects {
  dirty(value: boolean): void
  /** The word count, or null once the editor is gone. */
  words(count: number | null): void
  /** The text changed (an edit or a save): listeners decide when to read it. */
  textChanged(): void
  /** Main wrote the page and said where it now stands (its letter, its line in the index). */
  saved(answer: SavedPage): void
  /** Unsaved text went to a copy beside the page; `onClose` when nobody was there to choose. */
  copied(name: string, onClose: boolean): void
  /** A save run by a timer or on closing failed for another reason than a refusal. */
  failed(error: unknown): void
}

export interface PageSessionOptions {
  path: string
  api: ApiPort
  /** Read at every edit: the setting may change while the page is open. */
  autosave(): boolean
  /** « ma version », in the language of the moment. */
  copySuffix(): string
  effects: PageSessionEffects
  schedule?: Schedule
}

type TimerName = 'autosave' | 'journal' | 'count'

/**
 * One open page's life between the editor and the disk: load, save, autosave,
 * crash journal, word count, and the conflict when another program changed the
 * file. Every save carries the hash of the version the text is based on
 * (`base`) and main refuses it if the file changed since, so another program's
 * change is never overwritten: the refusal is the rule, the watcher only a hint.
 *
 * Per keystroke `edited()` only re-arms timers; reading the editor's document
 * and serialising it happen when a timer fires or someone asks, at most once
 * per edit (`currentText()` is cached until the next edit).
 */
export class PageSession {
  readonly view: Store<PageView> = createStore<PageView>({
    loaded: null,
    failure: null,
    conflict: null,
  })
  private readonly path: string
  private readonly api: ApiPort
  private readonly schedule: Schedule
  /** The version read from disk, parsed into `page` when the editor first asks for it. */
  private content: PageContent | null = null
  private page: PageModel | null = null
  /** The text on disk as far as the editor knows; set before a save is written, so its echo is recognised. */
  private saved: string | null = null
  /** The hash of the disk version the text is based on; every save sends it. */
  private base: string | null = null
  private dirty = false
  /** A save was refused or the disk changed under unsaved text: no save until the user chooses. */
  private conflicted = false
  /** The user chose « Recharger » or « Garder ma version dans une copie »: nothing left to keep. */
  private settled = false
  /** Another folder is opening: this session writes nothing more (see `leaveFolder`). */
  private left = false
  private readDoc: (() => EditorDoc) | null = null
  /** Whether an editor shows the page: a refusal then shows the choices, else keeps a copy. */
  private shown = false
  private cachedText: string | null = null
  private readonly timers = new Map<TimerName, () => void>()
  private readonly work = new Set<Promise<unknown>>()

  constructor(private readonly options: PageSessionOptions) {
    this.path = options.path
    this.api = options.api
    this.schedule = options.schedule ?? browserSchedule
  }

  /**
   * The page model the editor is built from (its front matter edits go through `setPage`).
   * Parsed on first use, inside the editor's render: a page too deep for the machine's
   * stack then fails there, where the editor's error boundary says so in French.
   */
  get model(): PageModel | null {
    if (!this.page && this.content)
      this.page = openPage(this.content.text, { input: this.content.markdownInput })
    return this.page
  }

  get savedText(): string {
    return this.saved ?? ''
  }

  get isDirty(): boolean {
    return this.dirty
  }

  /**
   * The page as it would be saved now: the one place the editor's document is
   * serialised. Walks the whole page, so it is cached until the next edit.
   */
  currentText(): string {
    if (this.cachedText !== null) return this.cachedText
    const page = this.model
    if (!page) return this.saved ?? ''
    const text = this.readDoc ? savePage({ ...page, doc: this.readDoc() }) : savePage(page)
    this.cachedText = text
    return text
  }

  /** Reads the page from disk. `onlyIfChanged`: the watcher reported a change, perhaps our own save. */
  async read(onlyIfChanged: boolean): Promise<void> {
    // Unsaved text (the tab was left and comes back) is never replaced by reading the disk.
    if (this.dirty) onlyIfChanged = true
    let content: PageContent
    try {
      content = await this.api.call('pages.read', { path: this.path })
    } catch (error) {
      this.view.set({
        failure: error instanceof ApiFailure ? `errors.${error.error.code}` : 'errors.unexpected',
      })
      return
    }
    if (onlyIfChanged && (content.hash === this.base || content.text === this.saved)) return
    // Unsaved edits stay on their old base: saving them is refused until the user chooses.
    if (onlyIfChanged && this.dirty) {
      this.conflicted = true
      this.view.set({ conflict: content.text })
      return
    }
    this.open(content)
  }

  /** The editor for the current version is ready; the returned function runs when it closes. */
  attach(readDoc: () => EditorDoc): () => void {
    this.readDoc = readDoc
    this.shown = true
    this.cachedText = null
    // Counted once the page is drawn: the count walks the whole page, and the status bar
    // can wait a frame for it where the text cannot. An edit before then re-arms the count.
    this.arm('count', AFTER_PAINT_MS, () => {
      const page = this.model
      if (page) this.options.effects.words(countWords(page.doc.content))
    })
    return () => {
      if (this.readDoc !== readDoc) return
      this.close()
      // The editor is going away: its last document stays readable for a save still running,
      // and unsaved, it is what the editor rebuilt on coming back to the tab starts from.
      const last = readDoc()
      this.readDoc = () => last
      if (this.dirty && this.page) this.page = { ...this.page, doc: last }
      this.shown = false
      // A journal write after closing could land after the closing save discarded the journal.
      this.cancel('journal')
      this.cancel('count')
      this.options.effects.words(null)
    }
  }

  /** Called by the editor on every change of its document: cheap, whatever the page's size. */
  edited(): void {
    this.cachedText = null
    this.setDirty(true)
    this.options.effects.textChanged()
    this.arm('journal', JOURNAL_MS, () => this.recordJournal())
    this.arm('count', COUNT_MS, () => {
      if (this.readDoc) this.options.effects.words(countWords(this.readDoc().content))
    })
    this.cancel('autosave')
    // Never save over a file another program changed meanwhile; checked again when it fires.
    if (!this.conflicted && this.options.autosave())
      this.arm('autosave', AUTOSAVE_MS, () => {
        if (!this.conflicted) this.track(this.save(), true)
      })
  }

  /** A settings field changed: the model is replaced, and it counts as an edit. */
  setPage(page: PageModel): void {
    this.page = page
    this.edited()
  }

  /** Saves now (Ctrl+S, a timer, leaving the window). Throws what main refused, except a conflict. */
  async save(): Promise<void> {
    this.cancel('autosave')
    if (this.left || !this.readDoc || !this.model) return
    const text = this.currentText()
    if (text === this.saved) {
      this.setDirty(false)
      return
    }
    const base = this.base
    if (base === null) return
    const previous = this.saved
    this.saved = text
    let answer: SavedPage
    try {
      answer = await this.api.call('pages.save', { path: this.path, text, base })
    } catch (error) {
      this.saved = previous
      if (!isChangedOnDisk(error)) throw error
      // Nothing was written. An open editor shows the choices; a closing one, where nobody
      // can choose, keeps the text in a copy beside the page.
      this.conflicted = true
      if (this.shown) await this.showDiskText()
      else await this.keepInCopy(text, true)
      return
    }
    this.base = answer.hash
    // Main dropped the page's journal entry with the save: a journal write still waiting is useless.
    this.cancel('journal')
    this.options.effects.saved(answer)
    // Typing may have gone on while the file was written.
    if (this.currentText() === text) this.setDirty(false)
    this.options.effects.textChanged()
  }

  /** Leaving the window: an autosave that was waiting runs now. */
  savePending(): void {
    if (this.timers.has('autosave') && !this.conflicted) this.track(this.save(), true)
  }

  /** « Recharger »: the disk's version replaces the unsaved text. */
  async reload(): Promise<void> {
    this.settled = true
    this.dirty = false
    await this.api.call('journal.discard', { path: this.path }).catch(() => undefined)
    await this.read(false)
  }

  /** « Garder ma version dans une copie »: the text goes beside the page, the disk's version opens. */
  async keepCopy(): Promise<void> {
    this.settled = true
    const text = this.currentText()
    const copy = await saveCopyBeside(this.path, text, this.options.copySuffix(), this.api)
    await this.api.call('journal.discard', { path: this.path })
    this.setDirty(false)
    await this.read(false)
    this.options.effects.copied(copy, false)
  }

  /**
   * « Ne pas enregistrer » on closing the tab: the unsaved text is dropped, from the
   * journal too (it is not offered back at the next launch); the closing saves nothing.
   */
  async discard(): Promise<void> {
    for (const name of [...this.timers.keys()]) this.cancel(name)
    this.settled = true
    this.setDirty(false)
    // A journal write still running would land after the discard.
    await this.whenIdle()
    await this.api.call('journal.discard', { path: this.path })
  }

  /**
   * Another folder is about to open. Main answers for one folder at a time, by paths
   * relative to it: a save or journal write sent after the switch would land on the same
   * path in the next guide. So what is pending goes to this page's own guide now (the
   * autosave that was waiting, else the journal for unsaved text, offered back when the
   * guide opens again), and the session writes nothing more.
   */
  async leaveFolder(): Promise<void> {
    if (this.timers.has('autosave') && !this.conflicted) this.track(this.save(), true)
    else if (this.timers.has('journal')) this.recordJournal()
    for (const name of [...this.timers.keys()]) this.cancel(name)
    this.left = true
    await this.whenIdle()
  }

  /** The folder did not change after `leaveFolder`: the session saves again as before. */
  resume(): void {
    this.left = false
  }

  /** Resolves once the saves, journal writes and copies started so far are done. */
  async whenIdle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work])
  }

  private open(content: PageContent): void {
    for (const name of [...this.timers.keys()]) this.cancel(name)
    // The editor of the previous version is rebuilt from this one: it no longer counts.
    this.readDoc = null
    this.saved = content.text
    this.base = content.hash
    this.conflicted = false
    this.settled = false
    this.cachedText = null
    this.content = content
    this.page = null
    const version = (this.view.get().loaded?.version ?? 0) + 1
    this.view.set({ loaded: { content, version }, conflict: null, failure: null })
  }

  /** Closing or switching the tab saves what is pending, or keeps it in a copy. */
  private close(): void {
    if (this.left) return
    if (!this.conflicted) return this.savePending()
    if (this.settled || !this.readDoc) return
    const text = this.currentText()
    if (text !== this.saved) this.track(this.keepInCopy(text, true), true)
  }

  /** Main refused a save: the disk's text is shown beside the choices. */
  private async showDiskText(): Promise<void> {
    const disk = await this.api
      .call('pages.read', { path: this.path })
      .then((content) => content.text)
      .catch(() => '')
    this.view.set({ conflict: disk })
  }

  private async keepInCopy(text: string, onClose: boolean): Promise<void> {
    const copy = await saveCopyBeside(this.path, text, this.options.copySuffix(), this.api)
    await this.api.call('journal.discard', { path: this.path })
    this.setDirty(false)
    this.options.effects.copied(copy, onClose)
  }

  /**
   * The journal keeps unsaved text half a second after typing stops: a crash loses nothing.
   * It belongs to typing, not to the autosave: the autosave of the same pause comes 1.5 s
   * later, and a crash in between must still find the text (`pages.save` then drops it).
   * When a save runs first (Ctrl+S, leaving the window), this timer is cancelled with it.
   */
  private recordJournal(): void {
    if (this.left || !this.readDoc) return
    const text = this.currentText()
    const base = this.base
    if (text === this.saved || base === null) return
    this.track(this.api.call('journal.record', { path: this.path, text, base }), false)
  }

  private setDirty(value: boolean): void {
    if (this.dirty === value) return
    this.dirty = value
    this.options.effects.dirty(value)
  }

  private arm(name: TimerName, ms: number, task: () => void): void {
    this.cancel(name)
    this.timers.set(
      name,
      this.schedule(ms, () => {
        this.timers.delete(name)
        task()
      }),
    )
  }

  private cancel(name: TimerName): void {
    this.timers.get(name)?.()
    this.timers.delete(name)
  }

  /** Work started by a timer or on closing: `report` sends its failure on, else it is dropped. */
  private track(promise: Promise<unknown>, report: boolean): void {
    const tracked = promise.catch((error: unknown) => {
      if (report) this.options.effects.failed(error)
    })
    this.work.add(tracked)
    void tracked.finally(() => this.work.delete(tracked))
  }
}
