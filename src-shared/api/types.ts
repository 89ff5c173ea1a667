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
  'page-too-large',
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

/** Who a version is recorded as: asked once, kept in Atelier's settings. */
export interface Author {
  name: string
  email: string
}

export interface Settings {
  language: Language
  /** Name and e-mail written into versions; null until the user gives them. */
  author: Author | null
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
  /** sha256 of the bytes read (empty for a page too large to read): the base of the next save. */
  hash: string
  /** The whole file as text (read-only display until the editor lands). */
  text: string
  /** The body after the front matter. */
  body: string
  frontMatter: Record<string, unknown> | null
  problem: FrontMatterProblem | null
  /** The site's `kramdown.input` (`_config.yml`): the editor reads the page as Jekyll will. GFM when absent. */
  markdownInput?: 'GFM' | 'kramdown'
}

/** Unsaved editor text kept by the autosave journal, offered back after a crash. */
export interface JournalEntry {
  path: string
  text: string
  /** ISO date of the last edit recorded. */
  savedAt: string
  /** The hash of the version the text was based on (absent in entries from older versions). */
  base?: string
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
  'not-a-repository',
  'git-file',
  'repository-locked',
  'corrupt-index',
  'missing-object',
  'corrupt-object',
  'author-missing',
  'nothing-to-commit',
  'version-not-found',
  'contribution-name',
  'contribution-exists',
  'contribution-not-found',
  'contribution-current',
  'contribution-not-merged',
  'contribution-return-pending',
  'unsaved-changes',
  'merge-in-progress',
  'no-merge',
  'conflicts-remain',
  'export-inside-workspace',
  'export-not-empty',
  'unsupported-index',
  'lock-in-use',
  'git-folder',
  'export-not-a-folder',
  'folder-not-chosen',
  'changed-on-disk',
  'text-too-large',
  'contribution-file-inside',
  'bundle-format',
  'bundle-corrupt',
  'bundle-too-large',
  'bundle-prerequisites',
  'bundle-refused-ref',
  'bundle-not-fast-forward',
  'review-notes-damaged',
  'comment-not-found',
  'comment-block-not-found',
  'comment-too-long',
  'review-conflicts',
  'review-no-common-base',
  'rename-changed',
  'changed-since-preview',
  'replace-too-large',
  'network-offline',
  'network-host-unknown',
  'network-timeout',
  'network-cut',
  'network-auth',
  'network-forbidden',
  'network-not-found',
  'network-server',
  'network-cancelled',
  'push-diverged',
  'push-rejected',
  'remote-missing',
  'remote-url',
  'clone-target-not-empty',
  'move-strands-links',
  'clone-target-inside',
  'sync-busy',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ApiError {
  code: ErrorCode
  /** Extra detail for logs (a path, the validator's words); not shown as the main message. */
  detail?: string
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** How a file differs from the last version, in the words the "Versions" view uses. */
export type ChangeKind = 'new' | 'modified' | 'deleted' | 'renamed' | 'conflicted'

export interface FileChange {
  path: string
  kind: ChangeKind
  /** For a rename: the old path. */
  from?: string
}

export interface VersionsStatus {
  /** False when the folder is not a git repository (the view offers to start one). */
  repository: boolean
  /** Current contribution (branch); null on a detached version. */
  branch: string | null
  changes: FileChange[]
  /** A merge waiting for its conflicts to be resolved. */
  merge: { contribution: string; conflicts: string[] } | null
  /** `.git/index.lock` left behind by an interrupted operation, with its age. */
  lock: { ageSeconds: number } | null
}

/** One version in a history. */
export interface VersionEntry {
  oid: string
  message: string
  author: string
  email: string
  /** ISO 8601. */
  date: string
  parents: string[]
}

export interface Contribution {
  name: string
  current: boolean
  /** Its last version. */
  oid: string
  /** True when everything in it is already in the current contribution. */
  merged: boolean
}

export type MergeOutcome =
  | { kind: 'already-merged' }
  | { kind: 'fast-forward'; oid: string }
  | { kind: 'merged'; oid: string }
  | { kind: 'conflicts'; conflicts: string[] }

/** What « Exporter le site » wrote. */
export interface ExportReport {
  destination: string
  pages: number
  files: number
  /** Pages that could not be rendered, with the reason (the rest was written). */
  problems: { path: string; message: string }[]
}

/** The three texts of a page in conflict; null where that side has no such page. */
export interface ConflictTexts {
  path: string
  mine: string | null
  theirs: string | null
  /** Both texts with git's markers, for "edit the merged text". */
  merged: string
}

/** Why a settings file of the site (`_config.yml`, `_data/…`, `_atelier.yml`) could not be used. */
export const configProblemCodes = [
  'yaml',
  'aliases',
  'not-a-mapping',
  'json',
  'csv',
  'schema-missing',
  'schema-type',
  'schema-value',
  'schema-empty',
  'schema-format',
  'schema-invalid',
  'sass',
  'liquid',
] as const

/** A settings file that could not be read, for « Problèmes » and `cli build`. */
export interface ConfigProblem {
  code: (typeof configProblemCodes)[number]
  /** Workspace-relative path of the file. */
  file: string
  /** 1-based line in the file, when known. */
  line: number | null
  /** For schema problems: the setting, as a dotted path (`types.cas.fields.0.type`). */
  key: string | null
  /** French, with the file and the line, for the CLI and logs (the renderer re-translates). */
  message: string
}

/** What `pages.save` tells the editor, so that an autosave needs no other call. */
export interface SavedPage {
  path: string
  /** The new version's sha256: the base of the next save. */
  hash: string
  /** How the page now differs from the last version (« Versions »), null when it does not. */
  change: ChangeKind | null
  /** The page's line in the index, null when the index does not list it. */
  entry: PageEntry | null
}

/** A page deleted from Atelier, kept in its trash (the app's data folder) until put back. */
export interface TrashEntry {
  id: string
  /** Where the page was, relative to the workspace root. */
  path: string
  /** Its title when deleted (the file name when it had none). */
  title: string
  /** ISO date of the deletion. */
  deletedAt: string
}

/** One line of a file a rename rewrites, before and after (1-based). */
export interface RenameLine {
  line: number
  before: string
  after: string
}

/** What a rename will change, shown before the user confirms (`rename.plan`). */
export interface RenamePreview {
  from: string
  /** The new path: the same as `from` when only the title changes. */
  to: string
  oldUrl: string
  newUrl: string
  /** The page first, then every file that names it; `base`: its version when planned. */
  files: { path: string; base: string; lines: RenameLine[] }[]
}

/** A place that names a page (« Pages qui mènent ici »). */
export interface Backlink {
  /** The file that names it, with its title when it is a page. */
  path: string
  title: string
  line: number
  /** The line as written, trimmed. */
  text: string
}

/** What « Problèmes » checks in a guide's pages (`src-main/checks/`), one kind per module. */
export const siteProblemCodes = [
  /** `{% link %}` to no page or file: `jekyll build` stops. */
  'link-tag',
  /** `{% post_url %}` to no post: `jekyll build` stops. */
  'post-url',
  /** `{% include %}` / `{% include_relative %}` of a missing file: `jekyll build` stops. */
  'include',
  /** A Markdown or HTML link, or a `relative_url` path, to no page of the site (published broken). */
  'page-link',
  /** An image or another file that the site does not have (published broken). */
  'missing-file',
  /** `#section` naming no heading of the page it leads to. */
  'anchor',
  /** A setting that names another page (`theme:`) naming none. */
  'field',
  /** Liquid that does not parse: `jekyll build` stops. */
  'liquid',
  /** Settings Jekyll cannot read: the page is published without them. */
  'front-matter',
  /** Two pages written at the same address: one replaces the other. */
  'same-address',
  /** A template's section left empty in a page. */
  'empty-section',
] as const

export type SiteProblemCode = (typeof siteProblemCodes)[number]

/** One problem found in a page, for « Problèmes » and `cli check`. */
export interface SiteProblem {
  /** Workspace-relative path of the page. */
  path: string
  /** 1-based line in the file. */
  line: number
  /** What kind of reference or setting is wrong (the checking module). */
  kind: SiteProblemCode
  /** `error`: `jekyll build` fails on it; `warning`: the site is published, but broken there. */
  severity: 'error' | 'warning'
  /** The catalogue key under `checks.` (the renderer translates `code` with `params`). */
  code: SiteProblemCode
  params: Record<string, string>
  /** The words of the line to select when the problem is opened (the target as written). */
  text: string
  /** A fix where one is obvious: the closest existing target, written as the link writes it. */
  suggestion?: string
  /** French, for the CLI and logs. */
  message: string
}
