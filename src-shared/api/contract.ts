import { z } from 'zod'
import type { ContentTypesResult } from '../content-types/content-types.js'
import type { CallName, EventName } from './names.js'
import type {
  AppInfo,
  JournalEntry,
  PageContent,
  PageIndexSnapshot,
  Settings,
  WorkspaceInfo,
} from './types.js'

/**
 * The one API contract: every call's input schema (validated in main) and
 * output type, and every event's payload type. Both transports — Electron IPC
 * and the local test host — carry exactly this.
 */

/** A path relative to the workspace root as the renderer sends it; main still checks it. */
const relativePath = z.string().min(1).max(4096)
const none = z.object({}).strict()

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
  /** Writes a page atomically; refused for pages that opened read-only (not UTF-8, binary, too large). */
  'pages.save': call<{ path: string }>()(
    z.object({ path: relativePath, text: z.string().max(5 * 1024 * 1024) }).strict(),
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
  'pages.delete': call<{ path: string }>()(z.object({ path: relativePath }).strict()),
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
    z.object({ path: relativePath, text: z.string().max(5 * 1024 * 1024) }).strict(),
  ),
  'journal.discard': call<boolean>()(z.object({ path: relativePath }).strict()),
  'journal.list': call<JournalEntry[]>()(none),
  'shell.openExternal': call<boolean>()(
    z.object({ url: z.url({ protocol: /^(https?|mailto)$/ }) }).strict(),
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
}

// Compile-time check that the payload table names exactly the declared events.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const eventsAreExact: Exact<keyof EventPayloads, EventName> = true
void eventsAreExact
