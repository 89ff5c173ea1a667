import type * as PageEditorModule from './PageEditor.js'

/**
 * The page editor's module, loaded once. The workbench draws without it (the explorer is
 * usable sooner on an old laptop), then loads it while idle, before the first page is opened.
 */
let loading: Promise<typeof PageEditorModule> | null = null

export function loadPageEditor(): Promise<typeof PageEditorModule> {
  loading ??= import('./PageEditor.js')
  return loading
}

/** Loads the editor once the workbench is drawn and the browser is idle. */
export function loadPageEditorWhenIdle(): void {
  requestIdleCallback(() => void loadPageEditor().catch(() => (loading = null)), { timeout: 2000 })
}
