import { stat } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../src-shared/api/atelier-error.js'
import type { EventPayloads } from '../src-shared/api/contract.js'
import type { EventName } from '../src-shared/api/names.js'
import type { Author, WorkspaceInfo } from '../src-shared/api/types.js'
import type { Repository } from './git/repository.js'
import { FolderServices } from './folder-services.js'
import type { SettingsStore } from './settings/settings-store.js'
import { ensureFirstPlaybook } from './workspace/bundled-playbook.js'
import { Workspace } from './workspace/workspace.js'
import type { WorkspaceChange } from './workspace/workspace-change.js'

/** The watcher starts at the latest this long after a folder opens, if no workbench asked. */
const WATCH_AT_THE_LATEST_MS = 3000

export type EventSink = <E extends EventName>(name: E, payload: EventPayloads[E]) => void

/**
 * What the app holds between calls: the settings and the open workspace.
 * Shared by the Electron app, the test host and the CLI, so all three behave alike.
 */
export class Session {
  private folder: FolderServices | null = null
  /**
   * Where the transport serves the preview (its own origin: the host's second
   * port, or the app's `atelier-preview:` scheme) and who may frame it.
   */
  preview: { origin: string; frameAncestors: string } | null = null
  private readonly sinks = new Set<EventSink>()
  /**
   * A contribution file given on the app's command line, or handed to the running app
   * (a double-click, a second launch): the renderer asks for it once
   * (`review.pendingFile`) and opens « Ouvrir une contribution reçue » with it.
   */
  pendingContribution: string | null = null
  /** Starts the open folder's watcher, once (`startWatching`). */
  private startWatch: (() => Promise<void>) | null = null
  private watchTimer: ReturnType<typeof setTimeout> | null = null
  /** Folders the user picked in the native dialog during this run. */
  private readonly chosenFolders = new Set<string>()

  constructor(
    readonly settings: SettingsStore,
    /** Watch the open folder for changes by other programs (off for one-shot CLI use). */
    private readonly watch = true,
  ) {}

  /** Transports subscribe here to forward events to their renderer(s). */
  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink)
    return () => this.sinks.delete(sink)
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const sink of this.sinks) sink(name, payload)
  }

  /** A contribution file handed to the app while it runs: kept, and the renderer told to ask. */
  offerContribution(file: string): void {
    this.pendingContribution = file
    this.emit('review.fileWaiting', {})
  }

  current(): Workspace | null {
    return this.folder?.workspace ?? null
  }

  requireWorkspace(): Workspace {
    return this.requireFolder().workspace
  }

  /** The open folder and its repository (`not-a-repository` when it has no versions). */
  requireRepository(): { workspace: Workspace; repository: Repository } {
    const workspace = this.requireWorkspace()
    return { workspace, repository: workspace.requireRepository() }
  }

  /** The name and e-mail recorded with each version, asked once (`author-missing` before). */
  requireAuthor(): Author {
    const stored = this.settings.get().author
    if (!stored) throw new AtelierError('author-missing')
    return stored
  }

  /** The open folder's services (preview, problems, saves that say where the page stands). */
  currentFolder(): FolderServices | null {
    return this.folder
  }

  requireFolder(): FolderServices {
    if (!this.folder) throw new AtelierError('no-workspace')
    return this.folder
  }

  /** A folder the user picked in the native dialog: the renderer may now open it. */
  allowFolder(folder: string): void {
    this.chosenFolders.add(path.resolve(folder))
  }

  /**
   * `workspace.open` from the renderer: only a folder the user chose in the
   * native dialog, one of the recent folders, or the one open now (from the
   * command line or start-up). Any other path is refused, so a compromised
   * renderer cannot point Atelier at a folder of its own choosing.
   */
  async openChosen(folder: string): Promise<WorkspaceInfo> {
    const wanted = path.resolve(folder)
    const { recentWorkspaces, lastWorkspace } = this.settings.get()
    const allowed =
      this.chosenFolders.has(wanted) ||
      recentWorkspaces.includes(wanted) ||
      lastWorkspace === wanted ||
      this.folder?.workspace.root === wanted
    if (!allowed) throw new AtelierError('folder-not-chosen', folder)
    return this.open(wanted)
  }

  /** Opens a folder this program chose (start-up, command line, tests): no question asked. */
  async open(folder: string): Promise<WorkspaceInfo> {
    const next = await Workspace.open(folder, {
      cacheDir: path.join(this.settings.dataDir, 'index-cache'),
      dataDir: this.settings.dataDir,
      watched: this.watch,
    })
    this.stopWatchTimer()
    this.startWatch = null
    await this.folder?.close()
    this.folder = new FolderServices(next)
    if (this.watch) {
      // The list of pages is read at once, while the watcher crawls and the window loads: the
      // explorer asks for it first.
      void next.pages().catch(() => undefined)
      // The renderer hears of the changes it does not know of: the explorer, the status of
      // versions and the open editors follow them (the watcher no longer echoes our own writes).
      // A save of a page's text is not one: its answer told the renderer all that changed.
      next.onChange((changes) => {
        // A folder since closed or left tells no more (its watcher may still be stopping).
        if (this.folder?.workspace !== next) return
        const paths = changes.filter((change) => !isOwnTextSave(change)).map((c) => c.path)
        if (paths.length > 0) this.emit('index.changed', { paths })
      })
      // Started later (`startWatching`): its first crawl stats every file (0.4 s on 4,400 pages),
      // which would hold up the window's first calls. What changes meanwhile is told once it is
      // live (`Workspace.watch`).
      let watching: Promise<void> | null = null
      this.startWatch = () => (watching ??= next.watch().catch(() => undefined))
      this.watchTimer = setTimeout(() => void this.startWatching(), WATCH_AT_THE_LATEST_MS)
      this.watchTimer.unref?.()
      // « Problèmes » for the whole guide, in the background: the renderer hears each new list.
      // The first check starts when the renderer first asks (`checks.list`), once the explorer
      // has its list: it reads and checks every page, seconds of this process's time on a large
      // guide, which would hold up serving the window and the list of pages.
      const folder = this.folder
      folder.checks.onChange((problems) => {
        if (this.folder === folder) this.emit('checks.changed', { problems })
      })
    }
    await this.settings.rememberWorkspace(next.root)
    const info = await next.info()
    this.emit('workspace.changed', info)
    return info
  }

  /**
   * First folder to show at start-up: the one asked for, else the last one
   * used, else the user's copy of the guide the installer carries (or of the
   * starter playbook). A folder that no longer exists is skipped: start-up
   * must never fail on a stale path.
   */
  async openAtStartup(options: {
    requested?: string | undefined
    starterBundle: string
    /** The installer's `playbook/` resource, when it carries a maintainers' guide. */
    playbookResource?: string | null | undefined
    dataDir: string
  }): Promise<WorkspaceInfo> {
    if (options.requested && (await isDirectory(options.requested))) {
      return this.open(options.requested)
    }
    const last = this.settings.get().lastWorkspace
    if (last && (await isDirectory(last))) return this.open(last)
    return this.open(await ensureFirstPlaybook(options))
  }

  /**
   * Starts watching the open folder for other programs' changes (once), and settles when the
   * watcher is live and has told what changed before. Called when the workbench has its list of
   * pages (`checks.list`, asked after it), or WATCH_AT_THE_LATEST_MS after the opening; tests
   * and tools that change files from outside right after opening call it first.
   */
  startWatching(): Promise<void> {
    this.stopWatchTimer()
    return this.startWatch?.() ?? Promise.resolve()
  }

  private stopWatchTimer(): void {
    if (this.watchTimer) clearTimeout(this.watchTimer)
    this.watchTimer = null
  }

  async close(): Promise<void> {
    this.stopWatchTimer()
    this.startWatch = null
    await this.folder?.close()
    this.folder = null
    this.sinks.clear()
  }
}

async function isDirectory(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => null))?.isDirectory() ?? false
}

/** `pages.save` over an existing page, its settings unchanged: the save's answer says it all. */
function isOwnTextSave(change: WorkspaceChange): boolean {
  return change.kind === 'written' && change.textOnly
}
