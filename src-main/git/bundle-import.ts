import { mkdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import git from 'isomorphic-git'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { BUNDLE_LIMITS } from './bundle-limits.js'
import { readBundleHeader } from './bundle-read.js'
import { objectFile } from './object-errors.js'
import type { GitObject } from './object-store.js'
import { packIndex } from './pack-index-write.js'
import { readPack } from './pack-read.js'
import { checkedLinks } from './received-objects.js'
import type { RepositoryContext } from './repository-context.js'

/** A ref the import created or moved: full local name, the commit it held before (null: new), now. */
export interface ImportedRef {
  name: string
  from: string | null
  oid: string
  /**
   * A staging ref (not a branch) whose value and the file's have each moved on: it is left as
   * it was, and this is the file's value, stored, for the caller to merge into it.
   */
  waiting?: string
}

/**
 * Checks everything, then stores the objects and moves refs as `mapRef` says
 * (null = refuse the whole file).
 *
 * The order is the point: the whole file is read and checked in memory
 * (header, prerequisites, pack, every object's hash, that the refs' histories
 * are complete) before anything is written, so a refused file changes
 * nothing. Refs under `refs/heads/` are only created or fast-forwarded. Other
 * targets (a staging ref such as received notes, which may still hold what an
 * earlier file brought) are never replaced: fast-forwarded, left when they
 * already hold the file's value, else left with the file's value returned as
 * `waiting` for the caller to merge. A complete
 * pack is stored as it came, with its index; a thin one (a contribution: a
 * few dozen objects) as loose objects, rather than completing it — appending
 * the bases, rewriting its count and checksum — for no gain at that size.
 */
export async function importBundle(
  context: RepositoryContext,
  file: string,
  mapRef: (name: string) => string | null,
): Promise<ImportedRef[]> {
  const found = await stat(file).catch(() => null)
  if (!found?.isFile()) throw new AtelierError('not-found', file)
  const size = found.size
  if (size > BUNDLE_LIMITS.fileBytes) throw new AtelierError('bundle-too-large', `${size} bytes`)
  const header = await readBundleHeader(file)
  const bytes = await readFile(file)
  return importPack(
    context,
    {
      refs: header.refs,
      prerequisites: header.prerequisites,
      pack: bytes.subarray(header.packOffset),
    },
    mapRef,
  )
}

/**
 * The same checks and storage for a pack that came another way (a host's
 * answer to a fetch, `sync/fetch-pack.ts`): its refs, the commits the sender
 * took as known here, the pack's bytes. `forced` targets (remote-tracking
 * refs, as git's `+refs/heads/*:refs/remotes/origin/*`) take the sender's
 * value even when it does not descend from theirs. `shallow` names the commits
 * where a light copy's history stops (the host's `shallow` lines): their
 * parents are not expected.
 */
export async function importPack(
  context: RepositoryContext,
  received: ReceivedPack,
  mapRef: (name: string) => string | null,
  forced: (target: string) => boolean = () => false,
  shallow: ReadonlySet<string> = new Set(),
): Promise<ImportedRef[]> {
  return (await checkPack(context, received, mapRef, forced, shallow)).store()
}

export interface ReceivedPack {
  refs: { name: string; oid: string }[]
  /** Commits the sender took as known here. */
  prerequisites: string[]
  pack: Buffer
}

/** A pack that passed every check, not yet stored. */
export interface CheckedPack {
  /** Every object of the pack the refs reach, inflated: a clone writes its files from these. */
  objects: ReadonlyMap<string, GitObject>
  /** Stores the objects, then moves the refs; answers the moves. */
  store(): Promise<ImportedRef[]>
}

/** `importPack`'s checks alone: nothing is written until `store` is called. */
export async function checkPack(
  context: RepositoryContext,
  received: ReceivedPack,
  mapRef: (name: string) => string | null,
  forced: (target: string) => boolean = () => false,
  shallow: ReadonlySet<string> = new Set(),
): Promise<CheckedPack> {
  context.objects.refresh()
  const has = (oid: string): boolean => context.objects.has(oid)

  const targets = received.refs.map((ref) => {
    const target = mapRef(ref.name)
    if (target === null || !validRefName(target)) {
      throw new AtelierError('bundle-refused-ref', ref.name)
    }
    return { ...ref, target }
  })
  if (new Set(targets.map((ref) => ref.target)).size !== targets.length) {
    throw new AtelierError('bundle-refused-ref', 'two refs to one name')
  }
  const missing = received.prerequisites.filter((oid) => !has(oid))
  if (missing.length > 0) throw new AtelierError('bundle-prerequisites', missing.join(' '))

  const repositoryObject = (oid: string): GitObject | null =>
    has(oid) ? context.objects.read(oid) : null
  const pack = received.pack
  const { objects, externalBases, entries } = readPack(pack, repositoryObject)
  const lookup = (oid: string): GitObject | null => objects.get(oid) ?? repositoryObject(oid)

  for (const ref of targets) {
    const object = lookup(ref.oid)
    if (!object) throw new AtelierError('bundle-corrupt', `${ref.name}: missing ${ref.oid}`)
    // A line names a version; a tag may also be an annotated tag object naming one.
    const tagObject = object.type === 'tag' && ref.target.startsWith('refs/tags/')
    if (object.type !== 'commit' && !tagObject) {
      throw new AtelierError('bundle-refused-ref', ref.name)
    }
  }
  const reachable = checkComplete(
    targets.map((ref) => ref.oid),
    objects,
    has,
    shallow,
  )

  const moves: ImportedRef[] = []
  for (const ref of targets) {
    await checkNoFolderClash(context.gitdir, ref.target)
    const from = await currentValue(context, ref.target)
    const isBranch = ref.target.startsWith('refs/heads/')
    const forward = from === null || forced(ref.target) || descends(ref.oid, from, lookup)
    if (isBranch && !forward) throw new AtelierError('bundle-not-fast-forward', ref.target)
    if (forward) moves.push({ name: ref.target, from, oid: ref.oid })
    else if (descends(from, ref.oid, lookup)) moves.push({ name: ref.target, from, oid: from })
    else moves.push({ name: ref.target, from, oid: from, waiting: ref.oid })
  }

  // Every check passed: objects first, refs last, so a ref never names a missing object.
  const store = async (): Promise<ImportedRef[]> => {
    const whole =
      externalBases.length === 0 &&
      entries.length === objects.size &&
      reachable.size === objects.size
    if (whole) await storePack(context.gitdir, pack, entries)
    else await storeLoose(context.gitdir, reachable, has)
    context.objects.refresh()
    await moveRefs(context, moves)
    return moves
  }
  return { objects: reachable, store }
}

/**
 * Each ref is written atomically (temporary file, then rename). Should one
 * write fail (a full disk), those already moved are put back, so the refs end
 * as they were; the objects written stay, unreferenced, as after any fetch.
 */
async function moveRefs(context: RepositoryContext, moves: ImportedRef[]): Promise<void> {
  const done: ImportedRef[] = []
  const write = (ref: string, value: string) =>
    git.writeRef({ fs: context.fs, gitdir: context.gitdir, ref, value, force: true })
  try {
    for (const move of moves) {
      if (move.from === move.oid) continue
      await write(move.name, move.oid)
      done.push(move)
    }
  } catch (error) {
    for (const move of done.reverse()) {
      if (move.from) await write(move.name, move.from)
      else await git.deleteRef({ fs: context.fs, gitdir: context.gitdir, ref: move.name })
    }
    throw error
  }
}

/**
 * A complete pack whose every object the refs reach is kept as it came, with
 * the index `git index-pack` would write: a whole guide's history is one file,
 * not thousands of loose objects each flushed to disk. The pack goes first: git
 * ignores a pack until its index exists.
 */
async function storePack(
  gitdir: string,
  pack: Buffer,
  entries: { oid: string; offset: number }[],
): Promise<void> {
  const folder = path.join(gitdir, 'objects', 'pack')
  const base = path.join(folder, `pack-${pack.toString('hex', pack.length - 20)}`)
  if ((await stat(`${base}.idx`).catch(() => null)) !== null) return
  await mkdir(folder, { recursive: true })
  await writeFileAtomic(`${base}.pack`, pack)
  await writeFileAtomic(`${base}.idx`, packIndex(pack, entries))
}

/**
 * Otherwise (a thin pack, as contributions are, or one carrying objects the
 * refs do not reach) each reachable object the repository lacks becomes a
 * loose object: a contribution brings a few dozen, git packs them at its next
 * `gc`, and nothing unreached or unchecked is ever stored.
 */
async function storeLoose(
  gitdir: string,
  reachable: Map<string, GitObject>,
  has: (oid: string) => boolean,
): Promise<void> {
  for (const [oid, object] of reachable) {
    if (has(oid)) continue
    const target = objectFile(gitdir, oid)
    await mkdir(path.dirname(target), { recursive: true })
    const raw = Buffer.concat([
      Buffer.from(`${object.type} ${object.content.length}\0`),
      object.content,
    ])
    await writeFileAtomic(target, deflateSync(raw))
  }
}

/**
 * Everything reachable from the refs must be in the pack or already in the
 * repository. The walk stops at objects the repository has (its history is
 * complete, as git's own connectivity check assumes), so it costs in
 * proportion to the file, not to the guide. It also parses each commit and
 * tree as `git fsck --strict` would. What it returns is what gets written:
 * objects the refs do not reach (junk a hostile file may carry) never are.
 */
function checkComplete(
  tips: string[],
  objects: Map<string, GitObject>,
  has: (oid: string) => boolean,
  shallow: ReadonlySet<string>,
): Map<string, GitObject> {
  const reachable = new Map<string, GitObject>()
  const seen = new Set<string>()
  const todo = [...tips]
  for (let oid = todo.pop(); oid !== undefined; oid = todo.pop()) {
    if (seen.has(oid)) continue
    seen.add(oid)
    const object = objects.get(oid)
    if (!object) {
      if (has(oid)) continue
      throw new AtelierError('bundle-corrupt', `missing object ${oid}`)
    }
    reachable.set(oid, object)
    const links = checkedLinks(oid, object)
    // A commit's links are its tree, then its parents: past a shallow commit, only its tree.
    todo.push(...(object.type === 'commit' && shallow.has(oid) ? links.slice(0, 1) : links))
  }
  return reachable
}

/** Whether `tip` has `ancestor` in its history (or is it), walking parents. */
function descends(
  tip: string,
  ancestor: string,
  lookup: (oid: string) => GitObject | null,
): boolean {
  const seen = new Set<string>()
  const todo = [tip]
  for (let oid = todo.pop(); oid !== undefined; oid = todo.pop()) {
    if (oid === ancestor) return true
    if (seen.has(oid)) continue
    seen.add(oid)
    const commit = lookup(oid)
    if (!commit || commit.type !== 'commit') continue
    const end = commit.content.indexOf('\n\n')
    for (const line of commit.content.toString('utf8', 0, end < 0 ? undefined : end).split('\n')) {
      if (line.startsWith('parent ')) todo.push(line.slice(7, 47))
    }
  }
  return false
}

async function currentValue(context: RepositoryContext, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: context.fs, gitdir: context.gitdir, ref, depth: 1 })
  } catch {
    return null
  }
}

/** `refs/heads/recu/x` cannot be created while a branch `recu` exists (a file where a folder goes). */
async function checkNoFolderClash(gitdir: string, ref: string): Promise<void> {
  const parts = ref.split('/')
  for (let i = 2; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('/')
    const file = await stat(path.join(gitdir, prefix)).catch(() => null)
    if (file && !file.isDirectory()) throw new AtelierError('bundle-refused-ref', ref)
  }
  // …nor `refs/heads/recu/x` while a branch `recu/x/y` exists (a folder where the file goes).
  if ((await stat(path.join(gitdir, ref)).catch(() => null))?.isDirectory()) {
    throw new AtelierError('bundle-refused-ref', ref)
  }
  const packed = await readFile(path.join(gitdir, 'packed-refs'), 'utf8').catch(() => '')
  if (packed.includes(` ${ref}/`)) throw new AtelierError('bundle-refused-ref', ref)
  for (let i = 2; i < parts.length; i++) {
    if (packed.includes(` ${parts.slice(0, i).join('/')}\n`)) {
      throw new AtelierError('bundle-refused-ref', ref)
    }
  }
}

/** git's `check-ref-format` rules, for the names `mapRef` gives. */
export function validRefName(name: string): boolean {
  if (!name.startsWith('refs/') || name.endsWith('/') || name.endsWith('.')) return false
  if ([...name].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    return false
  }
  if (/[~^:?*[\\]|\.\.|@\{|\/\//.test(name)) return false
  return name
    .split('/')
    .every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'))
}
