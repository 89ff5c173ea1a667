/**
 * What the workspace tells whoever listens (the page index, the preview, the repository's status)
 * after a file of the folder changed, so that it never has to know who they are.
 */
export interface WorkspaceChange {
  /** Workspace path: relative to the folder, forward slashes. */
  path: string
  /**
   * `written`: this program saved over an existing file; `created`, `removed`: this program made
   * or removed the file (a rename is one of each); `outside`: seen by the watcher or done
   * outside the page calls (a restored version): anything may have happened to it.
   */
  kind: 'written' | 'created' | 'removed' | 'outside'
  /**
   * Only a page's text changed: the same file before and after, with the same front matter,
   * so nothing derived from its settings (title, address, order, collection) changed.
   */
  textOnly: boolean
}

export type ChangeListener = (changes: readonly WorkspaceChange[]) => void

/** The listeners of one workspace; each is told of every change, in order. */
export class ChangeEmitter {
  private readonly listeners = new Set<ChangeListener>()

  /** Returns the way to stop listening. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(changes: readonly WorkspaceChange[]): void {
    if (changes.length === 0) return
    for (const listener of this.listeners) listener(changes)
  }
}

/** Changes whose nature is unknown (the watcher's, a restored version's). */
export function outsideChanges(paths: readonly string[]): WorkspaceChange[] {
  return paths.map((path) => ({ path, kind: 'outside', textOnly: false }))
}
