import fs from 'node:fs'
import git, { type TreeEntry } from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Author } from '../../src-shared/api/types.js'
import { GitDataError } from './git-data-error.js'
import { paintHistory } from './history-paint.js'
import type { RepositoryContext } from './repository-context.js'
import { readCommit, readTree } from './tree-files.js'

/**
 * A git notes ref read and written in git's own format, so `git notes` and
 * `git log --notes=…` show what Atelier writes and Atelier reads what git
 * writes: a commit whose tree maps each annotated object's id to a blob.
 * Git writes the ids flat (`<40 hex>`) while notes are few and fans them out
 * (`ab/cdef…`) when they are many; both are read. Atelier writes them flat,
 * which git reads at any size.
 *
 * The notes may come from someone else's file: the tree is read with bounds
 * (entries, depth) and a note blob over `maxBytes` is not read.
 */

/** Annotated object id → note blob id. */
export type NotesMap = Map<string, string>

export interface NotesSnapshot {
  /** The notes ref's commit, null when the ref does not exist yet. */
  commit: string | null
  notes: NotesMap
}

/** More notes than this in one ref is not a review history: refused. */
export const NOTES_MAX_ENTRIES = 200_000
/** Tree entries read in all (notes, fan-out folders, other files), so a hostile tree costs bounded time. */
const TREE_MAX_ENTRIES = 2 * NOTES_MAX_ENTRIES
/** A note kept whole when appending or merging; larger is not a review note. */
export const NOTE_KEEP_MAX_BYTES = 16 * 1024 * 1024

const HEX = /^[0-9a-f]+$/

export async function readNotes(context: RepositoryContext, ref: string): Promise<NotesSnapshot> {
  const commit = await resolveOptional(context, ref)
  if (commit === null) return { commit, notes: new Map() }
  return { commit, notes: await notesOfCommit(context, commit) }
}

/** The notes recorded by one commit of a notes ref. */
export async function notesOfCommit(context: RepositoryContext, commit: string): Promise<NotesMap> {
  const notes: NotesMap = new Map()
  const { tree } = fresh(context, () => readCommit(context.objects, context.gitdir, commit))
  // Depth-first over fan-out folders: `prefix` is the hex read so far.
  const pending: { tree: string; prefix: string }[] = [{ tree, prefix: '' }]
  let read = 0
  while (pending.length > 0) {
    const next = pending.pop()!
    const entries = fresh(context, () => readTree(context.objects, context.gitdir, next.tree))
    read += entries.length
    if (read > TREE_MAX_ENTRIES) throw new AtelierError('review-notes-damaged', 'size')
    for (const entry of entries) {
      const hex = next.prefix + entry.name
      // Entries that are not notes (git allows them) are left out.
      if (!HEX.test(entry.name) || hex.length > 40) continue
      if (!entry.isTree && hex.length === 40) {
        notes.set(hex, entry.oid)
        if (notes.size > NOTES_MAX_ENTRIES) throw new AtelierError('review-notes-damaged', 'size')
      } else if (entry.isTree && entry.name.length === 2 && hex.length < 40) {
        pending.push({ tree: entry.oid, prefix: hex })
      }
    }
  }
  return notes
}

/** A note's text, or null when the blob is larger than `maxBytes` (not worth reading). */
export async function readNoteText(
  context: RepositoryContext,
  blob: string,
  maxBytes: number,
): Promise<string | null> {
  const object = fresh(context, () => context.objects.read(blob))
  if (object.type !== 'blob') throw new AtelierError('review-notes-damaged', blob)
  if (object.content.length > maxBytes) return null
  return object.content.toString('utf8')
}

/**
 * Adds lines to the note on `annotated` (creating the note and the ref if
 * needed) as one new notes commit. Existing lines are kept as they are.
 */
export async function appendToNote(
  context: RepositoryContext,
  ref: string,
  annotated: string,
  lines: string[],
  author: Author,
  message: string,
): Promise<string> {
  const snapshot = await readNotes(context, ref)
  const existing = snapshot.notes.get(annotated)
  let text = existing ? await requireNoteText(context, existing) : ''
  if (text !== '' && !text.endsWith('\n')) text += '\n'
  text += lines.map((line) => `${line}\n`).join('')
  const notes = new Map(snapshot.notes)
  notes.set(annotated, await writeBlob(context, text))
  const parents = snapshot.commit === null ? [] : [snapshot.commit]
  return commitNotes(context, ref, notes, parents, author, message, snapshot.commit)
}

export type NotesMergeResult = 'up-to-date' | 'fast-forward' | 'merged'

/**
 * Merges the notes at `source` (a ref, or a notes commit's id) into `target` as `git notes merge -s
 * cat_sort_uniq` does: fast-forward when one history contains the other;
 * otherwise, per annotated object, the side that changed since the merge base
 * wins, and when both changed, the union of their lines, sorted (byte order)
 * and without duplicates. The result is a commit with both parents.
 */
export async function mergeNotes(
  context: RepositoryContext,
  target: string,
  source: string,
  author: Author,
  message: string,
): Promise<NotesMergeResult> {
  const theirs = await resolveOptional(context, source)
  if (theirs === null) return 'up-to-date'
  const ours = await resolveOptional(context, target)
  // One walk of both histories gives the merge base, and so which contains the other.
  const base = ours === null ? null : fresh(context, () => paintHistory(context, theirs, ours).base)
  if (ours === theirs || base === theirs) return 'up-to-date'
  if (ours === null || base === ours) {
    // Read first: a damaged tree is refused before the ref moves.
    await notesOfCommit(context, theirs)
    await moveRef(context, target, theirs, ours)
    return 'fast-forward'
  }
  const baseNotes = base ? await notesOfCommit(context, base) : new Map<string, string>()
  const ourNotes = await notesOfCommit(context, ours)
  const theirNotes = await notesOfCommit(context, theirs)
  const merged: NotesMap = new Map()
  for (const key of new Set([...ourNotes.keys(), ...theirNotes.keys()])) {
    const b = baseNotes.get(key)
    const o = ourNotes.get(key)
    const t = theirNotes.get(key)
    let result: string | undefined
    if (o === t || b === t) result = o
    else if (b === o) result = t
    // Deleted here, changed there: git keeps their note as it is.
    else if (o === undefined) result = t
    else {
      const ourText = await requireNoteText(context, o)
      const theirText = t ? await requireNoteText(context, t) : ''
      const union = catSortUniq(ourText, theirText)
      result = union === '' ? undefined : await writeBlob(context, union)
    }
    if (result !== undefined) merged.set(key, result)
  }
  await commitNotes(context, target, merged, [ours, theirs], author, message, ours)
  return 'merged'
}

/** git's `combine_notes_cat_sort_uniq`: every non-empty line once, in byte order, each ending in `\n`. */
export function catSortUniq(a: string, b: string): string {
  const lines = [...a.split('\n'), ...b.split('\n')].filter((line) => line !== '')
  const bytes = [...new Set(lines)].map((line) => ({ line, key: Buffer.from(line, 'utf8') }))
  bytes.sort((x, y) => Buffer.compare(x.key, y.key))
  return bytes.map(({ line }) => `${line}\n`).join('')
}

async function requireNoteText(context: RepositoryContext, blob: string): Promise<string> {
  // A merge keeps whole notes: one too large to read is refused rather than cut.
  const text = await readNoteText(context, blob, NOTE_KEEP_MAX_BYTES)
  if (text === null) throw new AtelierError('review-notes-damaged', blob)
  return text
}

async function commitNotes(
  context: RepositoryContext,
  ref: string,
  notes: NotesMap,
  parent: string[],
  author: Author,
  message: string,
  expected: string | null,
): Promise<string> {
  const entries: TreeEntry[] = [...notes].map(([annotated, blob]) => ({
    mode: '100644',
    path: annotated,
    oid: blob,
    type: 'blob',
  }))
  const tree = await git.writeTree({ ...repo(context), tree: entries })
  const now = Math.floor(Date.now() / 1000)
  const offset = new Date().getTimezoneOffset()
  const signature = { ...author, timestamp: now, timezoneOffset: offset }
  const commit = await git.writeCommit({
    ...repo(context),
    commit: { message: `${message}\n`, tree, parent, author: signature, committer: signature },
  })
  await moveRef(context, ref, commit, expected)
  return commit
}

/** Moves `ref` unless someone else moved it since it was read (then the caller's work is stale). */
async function moveRef(
  context: RepositoryContext,
  ref: string,
  value: string,
  expected: string | null,
): Promise<void> {
  if ((await resolveOptional(context, ref)) !== expected) {
    throw new AtelierError('review-notes-damaged', `${ref} moved`)
  }
  await git.writeRef({ fs: context.fs, gitdir: context.gitdir, ref, value, force: true })
}

async function writeBlob(context: RepositoryContext, text: string): Promise<string> {
  return git.writeBlob({ fs: context.fs, gitdir: context.gitdir, blob: Buffer.from(text, 'utf8') })
}

export async function resolveOptional(
  context: RepositoryContext,
  ref: string,
): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, gitdir: context.gitdir, ref })
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return null
    throw error
  }
}

function repo(context: RepositoryContext) {
  return { fs, gitdir: context.gitdir, cache: context.cache }
}

/**
 * Reads through the object store; objects it cannot find may be in a pack
 * added since it listed them (an imported file): it looks again once. What is
 * still missing or malformed is a damaged notes history, reported as such.
 */
function fresh<T>(context: RepositoryContext, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (!(error instanceof GitDataError)) throw error
    if (error.kind === 'missing-object') {
      context.objects.refresh()
      try {
        return read()
      } catch (again) {
        if (!(again instanceof GitDataError)) throw again
      }
    }
    throw new AtelierError('review-notes-damaged', error.file)
  }
}
