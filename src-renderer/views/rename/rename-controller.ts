import type { RenamePreview } from '../../../src-shared/api/types.js'

/** Where and how the page is renamed: its new title, and the folder it goes to. */
export interface RenameTarget {
  title: string
  /** The folder, from the guide's root (`''`: the root); the page's own folder keeps it there. */
  folder: string
}

/** What renaming needs from the workbench; the dialog passes the real ones, tests their own. */
export interface RenamePorts {
  /** `rename.plan`: what the rename (and move) changes (nothing written). */
  plan(path: string, target: RenameTarget): Promise<RenamePreview>
  /** `rename.apply`, over the versions the plan showed. */
  apply(
    path: string,
    target: RenameTarget,
    bases: Record<string, string>,
  ): Promise<{ path: string }>
  /** Writes the open pages' unsaved text first, so the plan reads what the user sees. */
  saveOpenPages(): Promise<void>
  /** After the rename: the tab follows the page, the changed files are read again. */
  renamed(from: string, to: string, changed: string[]): Promise<void>
}

/** What the dialog's button does next: show the changes, or rename. */
export type RenameStep = 'plan' | 'rename'

/** The folder a page's path sits in (`''` at the root). */
export function folderOf(path: string): string {
  const at = path.lastIndexOf('/')
  return at < 0 ? '' : path.slice(0, at)
}

/**
 * The folders a page can be moved to: every folder holding a page of the guide and each
 * collection's folder (even empty), and the root, sorted with the root first.
 */
export function moveFolders(
  pages: readonly string[],
  collectionFolders: readonly string[],
): string[] {
  const folders = new Set<string>(['', ...collectionFolders])
  for (const page of pages) folders.add(folderOf(page))
  return [...folders].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
}

/**
 * « Renommer » of a page by its title — and « Déplacer » to another folder — in two steps:
 * the first shows every file that will change (the page's own title and file name, then each
 * link, `theme:` and menu entry that names it, line by line), the second confirms exactly
 * that list. Changing the title or the folder after the list is shown asks for the list
 * again: what is renamed is always what was seen.
 */
export class RenameController {
  private shown: { target: RenameTarget; preview: RenamePreview } | null = null

  constructor(
    readonly path: string,
    private readonly ports: RenamePorts,
  ) {}

  /** The list of changes for this title and folder, if that is what it was made for. */
  previewFor(title: string, folder = folderOf(this.path)): RenamePreview | null {
    const shown = this.shown
    return shown && shown.target.title === title.trim() && shown.target.folder === folder
      ? shown.preview
      : null
  }

  nextStep(title: string, folder = folderOf(this.path)): RenameStep {
    return this.previewFor(title, folder) ? 'rename' : 'plan'
  }

  /**
   * The button: plans when the list is not shown for this title and folder (returns `plan`,
   * the dialog stays open), renames when it is (returns `rename`, the dialog closes).
   */
  async submit(title: string, folder = folderOf(this.path)): Promise<RenameStep> {
    const target = { title: title.trim(), folder }
    const preview = this.previewFor(target.title, folder)
    if (!preview) {
      await this.ports.saveOpenPages()
      this.shown = { target, preview: await this.ports.plan(this.path, target) }
      return 'plan'
    }
    const bases = Object.fromEntries(preview.files.map((file) => [file.path, file.base]))
    let renamed
    try {
      renamed = await this.ports.apply(this.path, target, bases)
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
