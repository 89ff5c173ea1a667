import { createStore, type Store } from '../../stores/store.js'
import { postToBridge, type BridgeTarget, type ToBridge } from './preview-bridge-messages.js'

/** One `<iframe>` of the preview: the one on screen, or the next one loading behind it. */
export interface Frame {
  id: number
  src: string
  /** The address's path in the preview (what the frame shows). */
  url: string
  /** The workspace page at that address (null: a file, or no page). */
  page: string | null
}

export type PreviewStatus = 'loading' | 'shown' | 'unpublished' | 'no-page' | 'failed'

/** What the pane draws: its frames, which one is on screen, or why there is none. */
export interface PreviewView {
  frames: Frame[]
  shown: number | null
  status: PreviewStatus
}

/**
 * The preview's frames and what their bridges said of them. A new address
 * loads in a second frame while the one on screen stays; once loaded it
 * replaces every older frame, so the page never flashes white. Frames are
 * known by id; their windows are reached through the getter the pane attaches
 * (an iframe's window exists only once the element is in the document).
 */
export class PreviewFrames {
  readonly view: Store<PreviewView> = createStore<PreviewView>({
    frames: [],
    shown: null,
    status: 'loading',
  })
  private nextId = 0
  private readonly windows = new Map<number, () => BridgeTarget | null>()
  /** Frames whose bridge said it is ready (it can swap a new version in). */
  private readonly ready = new Set<number>()
  /** Where each frame was scrolled, as its bridge last said. */
  private readonly scrolls = new Map<number, { x: number; y: number }>()

  /** Loads an address in a new frame, shown once loaded (the one on screen stays meanwhile). */
  load(src: string, page: string | null): void {
    const frame: Frame = { id: ++this.nextId, src, url: new URL(src).pathname, page }
    this.set((current) => ({
      frames: [...current.frames.filter((item) => item.id === current.shown), frame],
      shown: current.shown,
      status: current.status === 'shown' ? 'shown' : 'loading',
    }))
  }

  /** No frame at all: the page is not published, or the preview failed. */
  clear(status: 'unpublished' | 'failed'): void {
    this.set(() => ({ frames: [], shown: null, status }))
  }

  /**
   * A frame finished loading: it goes on screen, unless a newer one already
   * is. The same address again (the site changed, « Actualiser ») goes back
   * where the reader was.
   */
  loaded(id: number): void {
    const { frames, shown } = this.view.get()
    const frame = frames.find((item) => item.id === id)
    if (!frame || id < (shown ?? 0)) return
    const previous = frames.find((item) => item.id === shown)
    const scroll = previous ? this.scrolls.get(previous.id) : undefined
    if (previous && previous.id !== id && previous.url === frame.url && scroll) {
      this.post(id, { type: 'scroll', ...scroll })
      this.scrolls.set(id, scroll)
    }
    this.set((current) => ({
      frames: current.frames.filter((item) => item.id >= id),
      shown: id,
      status: 'shown',
    }))
  }

  /** The pane attaches each frame's window as React mounts it (null: unmounted). */
  attach(id: number, window: (() => BridgeTarget | null) | null): void {
    if (window) this.windows.set(id, window)
    else this.windows.delete(id)
  }

  /** The frame a message came from (by its window), or null for any other sender. */
  frameOf(source: unknown): Frame | null {
    if (source === null || source === undefined) return null
    for (const [id, window] of this.windows) {
      if (window() === source) return this.view.get().frames.find((item) => item.id === id) ?? null
    }
    return null
  }

  /** The frame on screen, if it shows `page` alone and its bridge can swap a version in. */
  swappable(page: string): Frame | null {
    const { frames, shown } = this.view.get()
    const onScreen = frames.find((frame) => frame.id === shown)
    if (!onScreen || frames.length !== 1 || onScreen.page !== page) return null
    return this.ready.has(onScreen.id) && this.windows.get(onScreen.id)?.() ? onScreen : null
  }

  markReady(id: number): void {
    this.ready.add(id)
  }

  noteScroll(id: number, x: number, y: number): void {
    this.scrolls.set(id, { x, y })
  }

  /** Posts to a frame's bridge; false when the frame has no window (yet, or any more). */
  post(id: number, message: ToBridge): boolean {
    const target = this.windows.get(id)?.()
    if (!target) return false
    postToBridge(target, message)
    return true
  }

  /** Sets the view; what is known of frames that are gone goes with them. */
  private set(update: (current: PreviewView) => PreviewView): void {
    this.view.set(update)
    const ids = new Set(this.view.get().frames.map((frame) => frame.id))
    for (const id of this.ready) if (!ids.has(id)) this.ready.delete(id)
    for (const id of this.scrolls.keys()) if (!ids.has(id)) this.scrolls.delete(id)
  }
}
