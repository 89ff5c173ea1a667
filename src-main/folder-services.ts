import type { ChangeKind, ConfigProblem, SavedPage } from '../src-shared/api/types.js'
import type { ContentBase } from '../src-shared/api/content-base.js'
import { CheckService } from './checks/check-service.js'
import { BoundedRenderer } from './preview/bounded-renderer.js'
import { listBuildProblems } from './preview/build-problems.js'
import { PreviewService } from './preview/preview-service.js'
import { SiteSource } from './preview/site-source.js'
import { SearchIndex } from './search/search-index.js'
import type { Workspace } from './workspace/workspace.js'

/**
 * The services of one open folder, assembled and wired here: the workspace emits what changed,
 * and the repository's status and the preview listen. None of them knows the others, so the
 * workspace never reaches up into the preview, and the preview is made only when first used.
 */
export class FolderServices {
  private previewService: PreviewService | null = null
  /**
   * The render workers of the folder, the preview's and « Problèmes »' build checks' alike:
   * each worker holds a copy of the site model, so one pool holds one or two, not three. The
   * checks go one page at a time, so a preview waits at most for one check (a parse), or gets
   * the pool's second worker.
   */
  private renderer: BoundedRenderer | null = null
  /** The site model, read once for the preview and the build checks, kept from the changes. */
  private readonly sites: SiteSource
  /** « Rechercher »'s text of every page, built on the first search, then kept from the changes. */
  private searchIndex: SearchIndex | null = null
  private readonly unsubscribe: () => void
  /** « Problèmes » of the whole guide, kept in the background once started. */
  readonly checks: CheckService

  constructor(readonly workspace: Workspace) {
    this.checks = new CheckService(workspace.root)
    this.sites = new SiteSource(workspace.root)
    this.unsubscribe = workspace.onChange((changes) => {
      // Read when the change comes: starting a history makes the repository later.
      workspace.repository?.noteChanged(
        changes.map((change) => workspace.toRepository(change.path)),
      )
      this.sites.noteChanged(changes)
      this.searchIndex?.noteChanged(changes)
      this.checks.noteChanged(changes)
    })
  }

  /** The live preview of this folder, created on first use. */
  preview(frameAncestors: string): PreviewService {
    this.previewService ??= new PreviewService(
      this.workspace.root,
      frameAncestors,
      this.workers(),
      this.sites,
    )
    return this.previewService
  }

  private workers(): BoundedRenderer {
    this.renderer ??= new BoundedRenderer()
    return this.renderer
  }

  /** The search index of this folder, created on first use. */
  search(): SearchIndex {
    this.searchIndex ??= new SearchIndex(this.workspace)
    return this.searchIndex
  }

  /**
   * Saves a page and says where it stands after, in the one call the editor makes. The page's
   * crash-journal entry goes with the save: the text it kept is now on disk.
   */
  async savePage(relative: string, text: string, base: ContentBase): Promise<SavedPage> {
    const saved = await this.workspace.savePage(relative, text, base)
    // The page is written whatever happens to the journal: an entry left behind is offered at
    // the next start, where restoring it over this newer text is refused and goes to a copy.
    await this.workspace.journal?.discard(saved.path).catch(() => undefined)
    const { pages } = await this.workspace.pages()
    return {
      ...saved,
      change: await this.changeOf(saved.path),
      entry: pages.find((entry) => entry.path === saved.path) ?? null,
    }
  }

  /** How a page differs from the last version, as « Versions » shows it. */
  private async changeOf(file: string): Promise<ChangeKind | null> {
    const repository = this.workspace.repository
    if (!repository) return null
    // The page is written whatever the history's state: a repository that cannot be read
    // (damaged, locked) must not turn a done save into a failed one. « Versions » says why.
    const status = await repository.status().catch(() => null)
    if (status === null) return null
    const inRepository = this.workspace.toRepository(file)
    if (status.merge?.conflicts.includes(inRepository)) return 'conflicted'
    return status.changes.find((change) => change.path === inRepository)?.kind ?? null
  }

  /**
   * Settings files that cannot be read (`_config.yml`, `_data/…`, `_atelier.yml`), then what
   * would stop the build: a stylesheet that does not compile, a page's Liquid that does not parse.
   */
  async problems(): Promise<ConfigProblem[]> {
    const settings = await this.workspace.settingsProblems()
    const renderer = this.workers()
    // The settings problems are shown even if the site cannot be read at all.
    const build = await this.sites
      .site()
      .then((site) => listBuildProblems(site, renderer))
      .catch(() => [])
    return [...settings, ...build]
  }

  async close(): Promise<void> {
    this.unsubscribe()
    this.checks.close()
    await this.previewService?.close()
    this.previewService = null
    await this.renderer?.close()
    this.renderer = null
    await this.workspace.close()
  }
}
