import { watch, type FSWatcher } from 'chokidar'
import path from 'node:path'
import { toWorkspacePath } from '../fs/safe-path.js'

const IGNORED =
  /(^|[/\\])(\.git|node_modules|_site|\.jekyll-cache|\.sass-cache)([/\\]|$)|\.atelier-tmp$/

/**
 * Watches a workspace for changes made by other programs and reports them in
 * small batches, so a `git checkout` touching hundreds of files is one update.
 */
export class WorkspaceWatcher {
  private watcher: FSWatcher | null = null
  private pending = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private started: (() => void) | null = null

  constructor(
    private readonly root: string,
    private readonly onChange: (paths: string[]) => void,
    private readonly batchMs = 100,
  ) {}

  /** Resolves once the initial crawl is done and events are live. */
  start(): Promise<void> {
    const watcher = watch(this.root, {
      ignoreInitial: true,
      ignored: (candidate) => IGNORED.test(path.relative(this.root, candidate)),
    })
    this.watcher = watcher
    for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
      watcher.on(event, (file: string) => this.queue(file))
    }
    // A watcher error (too many files, permissions) must not crash the app.
    watcher.on('error', () => undefined)
    return new Promise((resolve) => {
      this.started = resolve
      watcher.once('ready', () => resolve())
    })
  }

  async stop(): Promise<void> {
    // A watcher stopped during its first crawl never becomes ready: its start settles now.
    this.started?.()
    this.started = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.watcher?.close()
    this.watcher = null
  }

  private queue(file: string): void {
    this.pending.add(toWorkspacePath(this.root, file))
    this.timer ??= setTimeout(() => {
      const paths = [...this.pending].sort()
      this.pending.clear()
      this.timer = null
      this.onChange(paths)
    }, this.batchMs)
  }
}
