import type { RenamePreview } from '../../../src-shared/api/types.js'

/** What renaming needs from the workbench; the dialog passes the real ones, tests their own. */
export interface RenamePorts {
  /** `rename.plan`: what the rename to `title` changes (nothing written). */
  plan(path: string, title: string): Promise<RenamePreview>
  /** `rename.apply`, over the versions the plan showed. */
  apply(path: string, title: string, bases: Record<string, string>): Promise<{ path: string }>
  /** Writes the open pages' unsaved text first, so the plan reads what the user sees. */
  saveOpenPages(): Promise<void>
  /** After the rename: the tab follows the page, the changed files are read again. */
  renamed(from: string, to: string, changed: string[]): Promise<void>
}

/** What the dialog's button does next: show the changes, or rename. */
export type RenameStep = 'plan' | 'rename'

/**
 * « Renommer » of a page by its title, in two steps: the first shows every file that will
 * change (the page's own title and file name, then each link, `theme:` and menu entry that
 * names it, line by line), the second confirms exactly that list. Typing another title
 * after the list is shown asks for the list again: what is renamed is always what was seen.
 */
export class RenameController {
  private shown: { title: string; preview: RenamePreview } | null = null

  constructor(
    readonly path: string,
    private readonly ports: RenamePorts,
  ) {}

  /** The list of changes for `title`, if that is the title it was made for. */
  previewFor(title: string): RenamePreview | null {
    return this.shown && this.shown.title === title.trim() ? this.shown.preview : null
  }

  nextStep(title: string): RenameStep {
    return this.previewFor(title) ? 'rename' : 'plan'
  }

  /**
   * The button: plans when the list is not shown for this title (returns `plan`, the
   * dialog stays open), renames when it is (returns `rename`, the dialog closes).
   */
  async submit(title: string): Promise<RenameStep> {
    const wanted = title.trim()
    const preview = this.previewFor(wanted)
    if (!preview) {
      await this.ports.saveOpenPages()
      this.shown = { title: wanted, preview: await this.ports.plan(this.path, wanted) }
      return 'plan'
    }
    const bases = Object.fromEntries(preview.files.map((file) => [file.path, file.base]))
    let renamed
    try {
      renamed = await this.ports.apply(this.path, wanted, bases)
    } catch (error) {
      // The files changed since the list: it is no longer what would be written.
      this.shown = null
      throw error
    }
    const changed = preview.files.map((file) =>
      file.path === preview.from ? renamed.path : file.path,
    )
    await this.ports.renamed(this.path, renamed.path, changed)
    return 'rename'
  }
}
