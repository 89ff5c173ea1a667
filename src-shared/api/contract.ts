import { z } from 'zod'
import type { ContentTypesResult } from '../content-types/content-types.js'
import type { CallName, EventName } from './names.js'
import { CONTENT_BASE_PATTERN } from './content-base.js'
import { PAGE_TEXT_LIMIT } from './size-limits.js'
import type { PageComparison } from '../diff/page-comparison.js'
import {
  REPLACE_LINE_LIMIT,
  SEARCH_QUERY_LIMIT,
  SEARCH_RESULT_LIMIT,
  type ReplacePlan,
  type SearchResults,
} from './search-types.js'
import type {
  ReceivedContribution,
  ReviewComment,
  ReviewDiff,
  ReviewPage,
  ReviewSummary,
  SentContribution,
} from './review-types.js'
import type {
  ClonedGuide,
  PublishReport,
  ReceiveOutcome,
  SyncProgressEvent,
  SyncRemotes,
} from './sync-types.js'
import type {
  AppInfo,
  Backlink,
  ConfigProblem,
  ConflictTexts,
  Contribution,
  ExportReport,
  JournalEntry,
  MergeOutcome,
  PageContent,
  PageIndexSnapshot,
  RenamePreview,
  SavedPage,
  Settings,
  TrashEntry,
  VersionEntry,
  VersionsStatus,
  WorkspaceInfo,
  SiteProblem,
} from './types.js'

/**
 * The one API contract: every call's input schema (validated in main) and
 * output type, and every event's payload type. Both transports — Electron IPC
 * and the local test host — carry exactly this.
 */

/** A path relative to the workspace root as the renderer sends it; main still checks it. */
const relativePath = z.string().min(1).max(4096)
/** A folder relative to the workspace root, `''` for the root itself; main still checks it. */
const folderPath = z.string().max(4096)
const none = z.object({}).strict()
/** A version: a contribution name, `HEAD`, or a commit id. */
const versionRef = z.string().min(1).max(255)
/**
 * A contribution (branch) name, as `versions.contributions` or `review.list` gave it: git's
 * rules for a ref name (no `..`, no empty part, no control characters…), so a name can never
 * walk out of `.git/refs` when a library joins it to a path.
 */
const branchName = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (name) =>
      // eslint-disable-next-line no-control-regex -- control characters are what git refuses
      !/[\x00-\x20~^:?*[\\\x7f]|\.\.|\/\/|@\{|^[-/.]|[/.]$|\.lock$|\/\./.test(name),
    { message: 'not a branch name' },
  )
/** A file on the user's disk (a contribution file), chosen in a dialog, dropped or typed. */
const userFile = z.string().min(1).max(4096)
/** What « Rechercher » looks for: one line of text (a match never spans lines). */
const searchOptions = z.object({
  query: z
    .string()
    .max(SEARCH_QUERY_LIMIT)
    .regex(/^[^\r\n]*$/),
  wholeWord: z.boolean(),
  collection: z.string().min(1).max(255).nullable(),
})
/** A git host's address as typed: main says in French when it is not HTTP(S). */
const remoteAddress = z.string().trim().min(1).max(4096)
const replacementText = z
  .string()
  .max(SEARCH_QUERY_LIMIT)
  .regex(/^[^\r\n]*$/)

interface CallSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type, never read at run time. */
  output?: O
}

/** `call<Output>()(inputSchema)`: curried so the input type is inferred from the schema. */
function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input })
}

export const contract = {
  'app.info': call<AppInfo>()(none),
  'settings.get': call<Settings>()(none),
  'settings.setLanguage': call<Settings>()(z.object({ language: z.enum(['fr', 'en']) }).strict()),
  'settings.setAutosave': call<Settings>()(z.object({ autosave: z.boolean() }).strict()),
  'workspace.current': call<WorkspaceInfo | null>()(none),
  'workspace.open': call<WorkspaceInfo>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  /** Asks the user for a folder; `null` when cancelled or when the shell has no dialog. */
  'workspace.chooseFolder': call<string | null>()(none),
  /** The workspace's `_atelier.yml`; null when there is none. */
  'workspace.contentTypes': call<ContentTypesResult | null>()(none),
  'pages.index': call<PageIndexSnapshot>()(none),
  'pages.read': call<PageContent>()(z.object({ path: relativePath }).strict()),
  /**
   * Writes a page atomically, only over the version `base` (the `hash` of the last read or save,
   * or `absent`); refused with `changed-on-disk` when the file changed since, and for pages that
   * opened read-only (not UTF-8, binary, too large). Returns the new version's hash, with the
   * page's status letter and index entry, so that an autosave costs this one call.
   */
  'pages.save': call<SavedPage>()(
    z
      .object({
        path: relativePath,
        text: z.string().max(PAGE_TEXT_LIMIT),
        base: z.string().regex(CONTENT_BASE_PATTERN),
      })
      .strict(),
  ),
  'pages.create': call<{ path: string }>()(
    z
      .object({
        collection: z.string().min(1).max(200),
        title: z.string().trim().min(1).max(300),
        /** Values for the content type's template placeholders (`{{pays}}`). */
        values: z.record(z.string(), z.string().max(300)).optional(),
      })
      .strict(),
  ),
  'pages.rename': call<{ path: string }>()(
    z.object({ path: relativePath, newName: z.string().trim().min(1).max(255) }).strict(),
  ),
  /** Moves a page to Atelier's trash; `trash`: its entry (null when it was removed outright). */
  'pages.delete': call<{ path: string; trash: string | null }>()(
    z.object({ path: relativePath }).strict(),
  ),
  /** Copies an image (base64, already scaled by the renderer) into the media folder. */
  'media.add': call<{ path: string; url: string }>()(
    z
      .object({
        name: z.string().min(1).max(255),
        data: z.base64().max(20 * 1024 * 1024),
      })
      .strict(),
  ),
  /** Keeps unsaved editor text so a crash loses nothing; discarded once the page is saved. */
  'journal.record': call<boolean>()(
    z
      .object({
        path: relativePath,
        text: z.string().max(PAGE_TEXT_LIMIT),
        /** The version the text was based on, so restoring it never overwrites a newer file. */
        base: z.string().regex(CONTENT_BASE_PATTERN).optional(),
      })
      .strict(),
  ),
  'journal.discard': call<boolean>()(z.object({ path: relativePath }).strict()),
  'journal.list': call<JournalEntry[]>()(none),
  'shell.openExternal': call<boolean>()(
    z.object({ url: z.url({ protocol: /^(https?|mailto)$/ }) }).strict(),
  ),
  'settings.setAuthor': call<Settings>()(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().max(320),
      })
      .strict(),
  ),
  /** Status of every changed page; `repository: false` when the folder has no history. */
  'versions.status': call<VersionsStatus>()(none),
  /** Starts the history of a folder that has none, with everything as the first version. */
  'versions.start': call<VersionsStatus>()(none),
  /** "Enregistrer une version" of every change, or of `paths` only. Needs the author in settings. */
  'versions.commit': call<{ oid: string }>()(
    z
      .object({
        message: z.string().trim().min(1).max(10_000),
        paths: z.array(relativePath).max(100_000).optional(),
      })
      .strict(),
  ),
  /** The timeline of the workspace, or of one page, most recent first. */
  'versions.history': call<VersionEntry[]>()(
    z
      .object({
        path: relativePath.optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
  ),
  /** A page's text at a version; null when it did not exist then. */
  'versions.pageAt': call<string | null>()(
    z.object({ path: relativePath, version: versionRef }).strict(),
  ),
  /**
   * A page at `from` compared with `to` (or with the page on disk when `to` is absent);
   * `fromPath` names it at `from` when it was renamed since.
   */
  'versions.compare': call<PageComparison>()(
    z
      .object({
        path: relativePath,
        fromPath: relativePath.optional(),
        from: versionRef,
        to: versionRef.optional(),
      })
      .strict(),
  ),
  /** Puts a page back as it was at a version, as a new change (history is never rewritten). */
  'versions.restore': call<boolean>()(
    z.object({ path: relativePath, version: versionRef }).strict(),
  ),
  'versions.contributions': call<Contribution[]>()(none),
  'versions.createContribution': call<WorkspaceInfo>()(
    z.object({ name: z.string().trim().min(1).max(100) }).strict(),
  ),
  'versions.switchContribution': call<WorkspaceInfo>()(
    z.object({ name: z.string().min(1).max(255) }).strict(),
  ),
  'versions.deleteContribution': call<boolean>()(
    z.object({ name: z.string().min(1).max(255) }).strict(),
  ),
  /** Merges a contribution into the current one. */
  'versions.merge': call<MergeOutcome>()(z.object({ name: z.string().min(1).max(255) }).strict()),
  'versions.conflict': call<ConflictTexts>()(z.object({ path: relativePath }).strict()),
  'versions.resolve': call<boolean>()(
    z.discriminatedUnion('choice', [
      z.object({ path: relativePath, choice: z.literal('mine') }).strict(),
      z.object({ path: relativePath, choice: z.literal('theirs') }).strict(),
      z
        .object({
          path: relativePath,
          choice: z.literal('text'),
          text: z.string().max(PAGE_TEXT_LIMIT),
        })
        .strict(),
    ]),
  ),
  'versions.abortMerge': call<boolean>()(none),
  /** Removes `.git/index.lock` left by an interrupted operation (the user confirmed). */
  'versions.clearLock': call<boolean>()(none),
  /** The preview address of a page (null when the page is not published), for the preview frame. */
  'preview.open': call<{ src: string | null }>()(z.object({ path: relativePath }).strict()),
  /**
   * The editor's unsaved text of a page, shown by the preview in place of the file: its
   * address, and its HTML as the frame would get it (external content replaced, no bridge),
   * for the frame to swap in place while the user types (null when not published).
   */
  'preview.update': call<{ src: string | null; html: string | null }>()(
    z
      .object({
        path: relativePath,
        text: z.string().max(PAGE_TEXT_LIMIT).nullable(),
      })
      .strict(),
  ),
  /** The page a preview address shows (workspace-relative path), or null: a file, or no page. */
  'preview.pageAt': call<string | null>()(
    z
      .object({
        url: z
          .string()
          .min(1)
          .max(4096)
          .regex(/^\/(?!\/)/),
      })
      .strict(),
  ),
  /** Lets the preview show external images and frames (off by default: offline first). */
  'preview.allowExternal': call<boolean>()(z.object({ allow: z.boolean() }).strict()),
  /** « Exporter le site »: the whole site written to a folder, progress as `preview.progress`. */
  'preview.export': call<ExportReport>()(
    z.object({ destination: z.string().min(1).max(4096), relative: z.boolean() }).strict(),
  ),
  /** Settings files that cannot be read (`_config.yml`, `_data/…`, `_atelier.yml`), for « Problèmes ». */
  'workspace.problems': call<ConfigProblem[]>()(none),
  /** « Relecture »: the contributions to review, received and local, with their status. */
  'review.list': call<ReviewSummary[]>()(none),
  /** A contribution's changed files against the main line, pages rendered with changes marked. */
  'review.diff': call<ReviewDiff>()(z.object({ branch: branchName }).strict()),
  /** Comments on a contribution (of one page when `path` is given), anchored to its latest version. */
  'review.comments': call<ReviewComment[]>()(
    z.object({ branch: branchName, path: relativePath.optional() }).strict(),
  ),
  'review.comment': call<ReviewComment>()(
    z
      .object({
        branch: branchName,
        path: relativePath,
        blockIndex: z.number().int().min(0).max(1_000_000),
        text: z.string().trim().min(1).max(10_000),
        replyTo: z.string().min(1).max(100).optional(),
      })
      .strict(),
  ),
  'review.resolve': call<boolean>()(
    z.object({ branch: branchName, id: z.string().min(1).max(100) }).strict(),
  ),
  /** « Demander des modifications »: recorded on the contribution's latest version. */
  'review.requestChanges': call<boolean>()(z.object({ branch: branchName }).strict()),
  /** « Approuver et intégrer »: merges into the main line and records who approved, when. */
  'review.approve': call<MergeOutcome>()(z.object({ branch: branchName }).strict()),
  /**
   * « Reprendre les corrections »: the reviewer's return `recu/X` merged into the user's own `X`
   * (fast-forward or merge; conflicts continue in « Versions »' conflict flow).
   */
  'review.takeFixes': call<MergeOutcome>()(z.object({ branch: branchName }).strict()),
  /** The file name « Envoyer ma contribution » proposes: after the person and the date. */
  'review.suggestFile': call<string>()(z.object({ branch: branchName }).strict()),
  /** Native save dialog for a contribution file; null when cancelled or in the test host. */
  'review.chooseSaveFile': call<string | null>()(
    z.object({ name: z.string().min(1).max(255) }).strict(),
  ),
  /** Native open dialog for a received file; null when cancelled or in the test host. */
  'review.chooseOpenFile': call<string | null>()(none),
  /** « Envoyer ma contribution » / « Renvoyer »: the contribution written as one git bundle. */
  'review.send': call<SentContribution>()(
    z.object({ branch: branchName, full: z.boolean(), file: userFile }).strict(),
  ),
  /** « Ouvrir une contribution reçue »: checks the whole file, then imports it (never moves `main`). */
  'review.receive': call<ReceivedContribution>()(z.object({ file: userFile }).strict()),
  /**
   * « Versions »' comparison of a page as published, as `review.diff` shows each page: its
   * settings labelled as `_atelier.yml` labels them, and the frames of the preview's origin
   * that show it with changes marked; null when the page is not rendered.
   */
  'review.comparePublished': call<ReviewPage | null>()(
    z.object({ path: relativePath, from: versionRef, to: versionRef.optional() }).strict(),
  ),
  /** A contribution file given on the app's command line, once; null when none. */
  'review.pendingFile': call<string | null>()(none),
  /** The open folder's deleted pages still in Atelier's trash, newest first. */
  'trash.list': call<TrashEntry[]>()(none),
  /** Puts a page from the trash back where it was (its path goes through the gate again). */
  'trash.restore': call<{ path: string }>()(
    z.object({ id: z.string().regex(/^[0-9a-z]{1,12}-[0-9a-f]{12}$/) }).strict(),
  ),
  /** « Ouvrir le dossier » after an export: the last export's folder in the system's file manager. */
  'preview.openExported': call<boolean>()(none),
  /** The open folder's tabs (pages, `file:` files), kept to open them again at the next launch. */
  'settings.setOpenTabs': call<boolean>()(
    z
      .object({
        /** The folder the tabs belong to: ignored unless it is still the open one. */
        root: z.string().min(1).max(4096),
        tabs: z.array(relativePath).max(100),
        active: relativePath.nullable(),
      })
      .strict(),
  ),
  'settings.openTabs': call<{ tabs: string[]; active: string | null }>()(none),
  /** What renaming a page to `title` changes (its file name follows the title); writes nothing. */
  'rename.plan': call<RenamePreview>()(
    z
      .object({
        path: relativePath,
        title: z.string().trim().min(1).max(300),
        /** A move: the folder the page goes to (`''`: the site's root). */
        folder: folderPath.optional(),
      })
      .strict(),
  ),
  /**
   * Renames the page and rewrites every reference to it as one change, only if each file is
   * still the version the plan showed (`bases`: path → `base`); else `rename-changed`.
   */
  'rename.apply': call<{ path: string }>()(
    z
      .object({
        path: relativePath,
        title: z.string().trim().min(1).max(300),
        folder: folderPath.optional(),
        bases: z.record(relativePath, z.string().regex(/^[0-9a-f]{64}$/)),
      })
      .strict(),
  ),
  /** « Pages qui mènent ici »: every file that names the page, with the line. */
  'links.backlinks': call<Backlink[]>()(z.object({ path: relativePath }).strict()),
  /** « Rechercher »: the pages' titles, settings and text, case and accents folded. */
  'search.query': call<SearchResults>()(
    searchOptions
      .extend({ limit: z.number().int().min(1).max(SEARCH_RESULT_LIMIT).optional() })
      .strict(),
  ),
  /** Every change « Remplacer partout » would make, with each page's version, for the preview. */
  'search.replacePlan': call<ReplacePlan>()(
    searchOptions.extend({ replacement: replacementText }).strict(),
  ),
  /** « Remplacer partout »: the previewed pages, each only over its previewed version, as one change. */
  'search.replaceApply': call<{ pages: number; matches: number }>()(
    searchOptions
      .extend({
        replacement: replacementText,
        pages: z
          .array(
            z.object({ path: relativePath, hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
          )
          .min(1)
          // A plan changes at most this many lines, so it names no more pages.
          .max(REPLACE_LINE_LIMIT),
      })
      .strict(),
  ),
  /** « Problèmes » of the whole guide as last checked in the background, errors first. */
  'checks.list': call<SiteProblem[]>()(none),
  /** The open page's problems as typed in the editor, without saving it. */
  'checks.page': call<SiteProblem[]>()(
    z.object({ path: relativePath, text: z.string().max(PAGE_TEXT_LIMIT) }).strict(),
  ),
  /**
   * « Ouvrir un guide en ligne… »: copies the guide at `url` into a new folder of its name
   * inside `folder` (the system's dialog in the app, typed in a plain browser), progress as
   * `sync.progress`; the renderer then opens it. Cancelled or failed, it leaves no folder.
   */
  'sync.clone': call<ClonedGuide>()(
    z
      .object({
        url: remoteAddress,
        folder: z.string().min(1).max(4096),
        /** 1: a light copy, only the last version (a costly connection). */
        depth: z.number().int().min(1).max(1_000_000).optional(),
      })
      .strict(),
  ),
  /** « Annuler »: stops the transfer under way; it then fails with `network-cancelled`. */
  'sync.cancel': call<boolean>()(none),
  /** « Recevoir les nouveautés »: fetch, then the Versions view's merge into the current line. */
  'sync.pull': call<ReceiveOutcome>()(none),
  /** « Publier »: the main line, the contributions and their review notes; never forced. */
  'sync.push': call<PublishReport>()(none),
  /** The open guide's servers (name and address, never credentials) and whether it is light. */
  'sync.remotes': call<SyncRemotes>()(none),
  /** « Charger tout l'historique » of a light copy. */
  'sync.deepen': call<SyncRemotes>()(none),
  /** The user name and token for a host, asked when it refused (401/403); kept per host. */
  'sync.credentials.set': call<boolean>()(
    z
      .object({
        url: remoteAddress,
        username: z.string().trim().min(1).max(256),
        token: z.string().min(1).max(4096),
      })
      .strict(),
  ),
} satisfies { [K in CallName]: CallSpec<z.ZodType, unknown> }

export type Contract = typeof contract
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>
export type CallOutput<K extends CallName> = Exclude<Contract[K]['output'], undefined>

export interface EventPayloads {
  /** The open workspace changed (opened another folder). */
  'workspace.changed': WorkspaceInfo | null
  /** Files changed on disk; the page index was updated. */
  'index.changed': { paths: string[] }
  /** An export in progress. */
  'preview.progress': { done: number; total: number }
  /** The background check of the whole guide has a new list of problems. */
  'checks.changed': { problems: SiteProblem[] }
  /** A clone, receive, publish or deepen in progress (objects and bytes). */
  'sync.progress': SyncProgressEvent
  /** A contribution file was handed to the running app: `review.pendingFile` gives it. */
  'review.fileWaiting': Record<string, never>
}

// Compile-time check that the payload table names exactly the declared events.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const eventsAreExact: Exact<keyof EventPayloads, EventName> = true
void eventsAreExact
