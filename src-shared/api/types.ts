/** Data that crosses the boundary between main and the renderer. Plain JSON only. */

export type Language = 'fr' | 'en'

export const problemCodes = [
  'yaml',
  'unclosed',
  'not-a-mapping',
  'not-utf8',
  'too-large',
  'binary',
  'not-yaml',
  'unreadable',
] as const

/** Why a page's front matter could not be read; `message` is French, for the CLI and logs. */
export interface FrontMatterProblem {
  code: (typeof problemCodes)[number]
  message: string
  /** 1-based line in the file, when known. */
  line: number | null
}

/** One page of the site as the index sees it: front matter only, never the body. */
export interface PageEntry {
  /** Path relative to the workspace root, with forward slashes. */
  path: string
  /** Collection name as in `_config.yml` (`posts` for `_posts`), or `pages` for plain pages. */
  collection: string
  title: string
  order: number | null
  error: FrontMatterProblem | null
}

export interface CollectionInfo {
  name: string
  /** Folder relative to the root, e.g. `_themes`. */
  folder: string
  /** True when Jekyll writes the collection's pages (`output: true`). */
  output: boolean
}

export interface PageIndexSnapshot {
  pages: PageEntry[]
  /** Other files of the site (layouts, images, data), relative paths, sorted. */
  files: string[]
  collections: CollectionInfo[]
}

export interface WorkspaceInfo {
  root: string
  name: string
  /** Current branch ("contribution"), null when the folder is not a git repository. */
  branch: string | null
}

export interface Settings {
  language: Language
  /** Save 2 s after typing stops and when the window loses focus (on by default). */
  autosave: boolean
  recentWorkspaces: string[]
}

export interface AppInfo {
  version: string
  platform: string
  /** Which transport serves this renderer: the Electron app or the local test host. */
  shell: 'electron' | 'host'
}

export interface PageContent {
  path: string
  /** The whole file as text (read-only display until the editor lands). */
  text: string
  /** The body after the front matter. */
  body: string
  frontMatter: Record<string, unknown> | null
  problem: FrontMatterProblem | null
}

/** Unsaved editor text kept by the autosave journal, offered back after a crash. */
export interface JournalEntry {
  path: string
  text: string
  /** ISO date of the last edit recorded. */
  savedAt: string
}

/** Error codes a call may fail with; the renderer shows `errors.<code>` from its catalogue. */
export const errorCodes = [
  'invalid-input',
  'unknown-call',
  'outside-workspace',
  'not-found',
  'already-exists',
  'no-workspace',
  'not-a-page',
  'read-only-page',
  'unsupported',
  'io',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ApiError {
  code: ErrorCode
  /** Extra detail for logs (a path, the validator's words); not shown as the main message. */
  detail?: string
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }
