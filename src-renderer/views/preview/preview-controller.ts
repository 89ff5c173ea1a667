import type { ActiveText } from '../../stores/active-editor.js'
import { bridgeMessage } from './preview-bridge-messages.js'
import { PreviewFrames } from './preview-frames.js'

/**
 * Typing stops this long before the preview asks for the page again: barely a
 * pause, only enough to gather the edits one key sends in a burst (a key held
 * down, a composed character). Bursts of fast typing need no longer wait: only
 * one request is on its way at a time, and what is typed meanwhile goes as one
 * when it is answered (a slow render is not piled on). The new version is swapped
 * into the frame in place (no reload).
 */
export const PREVIEW_DEBOUNCE_MS = 5
/** Typing without a pause still shows in the preview this often. */
export const PREVIEW_MAX_WAIT_MS = 1000
/** A swap the frame does not answer (no bridge, a file) falls back to a reload. */
export const RENDER_TIMEOUT_MS = 2000
/** Files changed on disk come in bursts (a checkout, a theme copied in): one reload after them. */
export const SITE_CHANGE_DELAY_MS = 150

/** Main's answer for a page: its address in the preview (null: not published) and, for a draft, its HTML. */
export interface PreviewAnswer {
  src: string | null
  html?: string | null
}

/** What the controller needs from the workbench; the pane passes the real ones, tests their own. */
export interface PreviewPorts {
  /** `preview.open`: the page as saved. */
  open(path: string): Promise<PreviewAnswer>
  /** `preview.update`: the page with the editor's text (null: back to the file). */
  update(path: string, text: string | null): Promise<PreviewAnswer>
  /** `preview.pageAt`: the workspace page at an address in the preview. */
  pageAt(url: string): Promise<string | null>
  /** The text of the page being edited, if any. */
  activeText(): ActiveText | null
  /** Opens a page in the editor (Ctrl+click on a link). */
  openPage(path: string): void
  /** Tells the user something failed (a notice). */
  reportFailure(error: unknown): void
  /** Cmd, not Ctrl, opens a linked page in the editor. */
  isMac: boolean
}

/**
 * The live preview's decisions, apart from React: which address each frame
 * loads, which answer from main still counts (each request takes a ticket; a
 * later request makes earlier answers stale), when the editor's draft is sent
 * (after a pause in typing) and withdrawn (leaving the page), when a draft is
 * swapped into the frame in place and when the frame reloads instead, and
 * what the bridges in the frames ask for (links are followed here: the frame
 * never navigates by itself).
 */
export class PreviewController {
  readonly frames = new PreviewFrames()
  private path: string | null = null
  private ticket = 0
  /** The draft main holds for each page (null: none), as last sent. */
  private readonly drafts = new Map<string, string | null>()
  /** The swap last posted and its fallback to a reload, should the frame not answer. */
  private pendingRender: { id: number; timer: ReturnType<typeof setTimeout> } | null = null
  private typingTimer: ReturnType<typeof setTimeout> | null = null
  /** When the current burst of typing began (null: no typing since the last send). */
  private typingSince: number | null = null
  private siteTimer: ReturnType<typeof setTimeout> | null = null
  /** The draft being sent while typing, and whether the text changed again meanwhile. */
  private sending: Promise<void> | null = null
  private sendAgain = false

  constructor(private readonly ports: PreviewPorts) {}

  /** The active page (null: none). The same page again loads it again (« Actualiser »). */
  show(path: string | null): void {
    if (path !== this.path) this.leave()
    this.path = path
    if (path) void this.run(true)
  }

  /** The pane closes: nothing more is loaded, and the draft is no longer shown anywhere. */
  stop(): void {
    this.leave()
    this.path = null
  }

  /** The editor reports an edit: the text is sent once typing pauses (and at least every second). */
  textChanged(path: string): void {
    if (path !== this.path) return
    if (this.typingTimer) clearTimeout(this.typingTimer)
    const now = Date.now()
    this.typingSince ??= now
    const wait = now - this.typingSince >= PREVIEW_MAX_WAIT_MS ? 0 : PREVIEW_DEBOUNCE_MS
    this.typingTimer = setTimeout(() => {
      this.typingTimer = null
      this.typingSince = null
      this.sendDraft()
    }, wait)
  }

  /** One draft on its way at a time: text typed meanwhile goes as soon as it is answered. */
  private sendDraft(): void {
    if (this.sending) {
      this.sendAgain = true
      return
    }
    this.sending = this.run(false).finally(() => {
      this.sending = null
      if (!this.sendAgain) return
      this.sendAgain = false
      this.sendDraft()
    })
  }

  /**
   * Files changed on disk: layouts, includes, data or the page itself (not by
   * this editor, whose own saves the preview already follows) load again.
   */
  siteChanged(paths: readonly string[]): void {
    const path = this.path
    if (!path) return
    const onlyThisPage = paths.every((item) => item === path)
    if (onlyThisPage && this.ports.activeText()?.path === path) return
    if (this.siteTimer) clearTimeout(this.siteTimer)
    this.siteTimer = setTimeout(() => {
      this.siteTimer = null
      void this.run(true)
    }, SITE_CHANGE_DELAY_MS)
  }

  /**
   * A message posted to the workbench: from a frame's bridge, a frame is
   * ready, was scrolled, swapped a version in (or could not), or a link was
   * clicked. Anything else, or from anyone else, is ignored.
   */
  receive(source: unknown, data: unknown): void {
    const frame = this.frames.frameOf(source)
    const message = frame ? bridgeMessage(data) : null
    if (!frame || !message) return
    switch (message.type) {
      case 'ready':
        this.frames.markReady(frame.id)
        return
      case 'scroll':
        this.frames.noteScroll(frame.id, message.x, message.y)
        return
      case 'rendered':
      case 'stale':
        if (this.pendingRender?.id !== message.id) return
        this.cancelPendingRender()
        if (message.type === 'stale') void this.run(true)
        return
      case 'link': {
        if (frame.id !== this.frames.view.get().shown) return
        const edit = this.ports.isMac ? message.metaKey : message.ctrlKey
        const src = new URL(message.href, frame.src).href
        // A version of the page still on its way no longer takes the frame back.
        const ticket = ++this.ticket
        const path = this.path
        this.ports.pageAt(message.href).then(
          (page) => {
            if (ticket !== this.ticket) return
            // Ctrl+click (Cmd on macOS): the page opens in the editor, the preview follows.
            if (edit && page !== null && page !== path) this.ports.openPage(page)
            else this.frames.load(src, page)
          },
          (error: unknown) => this.ports.reportFailure(error),
        )
        return
      }
    }
  }

  /** Asks main for the page (see `sync`); a failure clears the frame and is told. Never rejects. */
  private run(force: boolean): Promise<void> {
    return this.sync(force).catch((error: unknown) => {
      this.frames.clear('failed')
      this.ports.reportFailure(error)
    })
  }

  /** Asks main for the page's address, sending the editor's text when it differs from the file. */
  private async sync(force: boolean): Promise<void> {
    const path = this.path
    if (!path) return
    const source = this.ports.activeText()
    let draft: string | null = null
    if (source?.path === path) {
      const current = source.current()
      draft = current === source.saved() ? null : current
    }
    const sent = this.drafts.get(path) ?? null
    if (!force && draft === sent) return
    const ticket = ++this.ticket
    const result =
      draft === null && sent === null
        ? await this.ports.open(path)
        : await this.ports.update(path, draft)
    this.drafts.set(path, draft)
    if (ticket !== this.ticket) return
    const src = result.src
    if (src === null) {
      this.frames.clear('unpublished')
      return
    }
    // Typing, and the frame on screen shows this page: swap the new version in place.
    const onScreen = force ? null : this.frames.swappable(path)
    if (onScreen && typeof result.html === 'string') {
      this.cancelPendingRender()
      const timer = setTimeout(() => {
        if (this.pendingRender?.id !== ticket) return
        this.pendingRender = null
        this.frames.load(src, path)
      }, RENDER_TIMEOUT_MS)
      this.pendingRender = { id: ticket, timer }
      this.frames.post(onScreen.id, { type: 'render', html: result.html, id: ticket })
      return
    }
    this.frames.load(src, path)
  }

  private cancelPendingRender(): void {
    if (this.pendingRender) clearTimeout(this.pendingRender.timer)
    this.pendingRender = null
  }

  /**
   * Leaving a page: a swap still awaited never falls back to reloading it,
   * typing and disk changes no longer reload it, and its draft is withdrawn.
   */
  private leave(): void {
    this.cancelPendingRender()
    if (this.typingTimer) clearTimeout(this.typingTimer)
    if (this.siteTimer) clearTimeout(this.siteTimer)
    this.typingTimer = this.siteTimer = null
    this.typingSince = null
    this.sendAgain = false
    // Answers still on their way for the page left behind no longer count.
    this.ticket++
    const path = this.path
    if (path && typeof this.drafts.get(path) === 'string') {
      this.drafts.set(path, null)
      // Best effort: main drops drafts with the workspace anyway.
      this.ports.update(path, null).catch(() => undefined)
    }
  }
}
