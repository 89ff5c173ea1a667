import { readFileSync } from 'node:fs'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { createDelta } from './pack-delta.js'
import { PackWriter } from './pack-write.js'
import type { ObjectType } from './object-store.js'
import type { TreeItem } from './parse-objects.js'
import type { RepositoryContext } from './repository-context.js'
import { readCommit, readTree } from './tree-files.js'

export interface BundleRequest {
  /** Full ref names and the commit each points to, e.g. { name: 'refs/heads/aminata', oid }. */
  refs: { name: string; oid: string }[]
  /** Commits the receiver already has; empty for a complete file (whole history). */
  prerequisites: string[]
}

export interface BundleWritten {
  bytes: number
  objects: number
  deltas: number
}

/** Git's own limit (pack.depth): a longer chain makes every read of the object slower. */
const MAX_DEPTH = 50
/** A submodule's commit, recorded in a tree but not an object of this repository. */
const GITLINK = 0o160000

/** One object the pack will hold, and the object it may be stored against. */
interface Planned {
  oid: string
  type: ObjectType
  /** The same path's object in the first parent's version, when it differs. */
  base: string | null
}

/**
 * Writes a git bundle (v2) to `file`: the header naming the prerequisites and
 * the refs, then a pack of every object reachable from the refs and not from
 * the prerequisites. The pack is thin, as native git writes it: a changed
 * page is stored as a delta against the same page in the previous version,
 * which the receiver already has (REF_DELTA) or which came earlier in the
 * pack (OFS_DELTA). Written atomically: never a half-written file.
 */
export async function writeBundle(
  context: RepositoryContext,
  request: BundleRequest,
  file: string,
): Promise<BundleWritten> {
  if (request.refs.length === 0) throw new AtelierError('invalid-input', 'refs')
  for (const ref of request.refs) {
    if (!isRefName(ref.name) || !isOid(ref.oid)) throw new AtelierError('invalid-input', ref.name)
  }
  for (const oid of request.prerequisites) {
    if (!isOid(oid)) throw new AtelierError('invalid-input', oid)
  }
  const pack = await packObjects(
    context,
    request.refs.map((ref) => ref.oid),
    request.prerequisites,
  )
  const header = bundleHeader(context, request)
  const bytes = Buffer.concat([header, ...pack.chunks])
  await writeFileAtomic(file, bytes)
  return { bytes: bytes.length, objects: pack.objects, deltas: pack.deltas }
}

/**
 * A pack of every object reachable from `tips` and not from `prerequisites`
 * (commits the receiver has), thin: what a bundle carries, and what « Publier »
 * sends a host (`sync/send-pack.ts`).
 */
export async function packObjects(
  context: RepositoryContext,
  tips: string[],
  prerequisites: string[],
): Promise<{ chunks: Buffer[]; objects: number; deltas: number }> {
  const walk = commitsToSend(context, tips, prerequisites)
  const have = objectsOfTrees(
    context,
    walk.boundary.map(
      (oid) => walk.trees.get(oid) ?? readCommit(context.objects, context.gitdir, oid).tree,
    ),
  )
  const plan = planObjects(context, walk, have)

  const pack = new PackWriter(plan.length)
  const written = new Map<string, { offset: number; depth: number }>()
  let deltas = 0
  for (const [position, object] of plan.entries()) {
    // A complete file can take seconds: let the main process answer other calls meanwhile.
    if (position % 256 === 255) await new Promise((resolve) => setImmediate(resolve))
    const content = context.objects.read(object.oid).content
    const stored = storeAgainstBase(context, object, content, written, have)
    const offset = pack.add(stored.entry)
    if (stored.entry.kind !== 'whole') deltas++
    written.set(object.oid, { offset, depth: stored.depth })
  }
  return { chunks: pack.finish(), objects: plan.length, deltas }
}

/**
 * The delta against the planned base when it is small enough to be worth it
 * (git's rule: under half the object), else the object whole.
 */
function storeAgainstBase(
  context: RepositoryContext,
  object: Planned,
  content: Buffer,
  written: Map<string, { offset: number; depth: number }>,
  have: Set<string>,
): { entry: Parameters<PackWriter['add']>[0]; depth: number } {
  const whole = { entry: { kind: 'whole' as const, type: object.type, content }, depth: 0 }
  if (object.base === null) return whole
  const inPack = written.get(object.base)
  if (!inPack && !have.has(object.base)) return whole
  if (inPack && inPack.depth >= MAX_DEPTH) return whole
  const maxSize = Math.floor(content.length / 2) - 20
  if (maxSize <= 0) return whole
  const delta = createDelta(context.objects.read(object.base).content, content, maxSize)
  if (!delta) return whole
  return inPack
    ? { entry: { kind: 'ofs-delta', baseOffset: inPack.offset, delta }, depth: inPack.depth + 1 }
    : { entry: { kind: 'ref-delta', baseOid: object.base, delta }, depth: 1 }
}

interface CommitWalk {
  /** Commits to send, parents before children. */
  commits: string[]
  /** Commits the receiver has whose trees the sent commits are compared with. */
  boundary: string[]
  /** Root tree of each commit read during the walk. */
  trees: Map<string, string>
  firstParent: Map<string, string | null>
}

/**
 * Commits reachable from `tips` and not from `prerequisites`, as git's
 * revision walk finds them: newest first by committer date, marks of « the
 * receiver has it » spreading to parents, stopping once every commit still
 * queued is one the receiver has (so a long shared history is not read).
 */
function commitsToSend(
  context: RepositoryContext,
  tips: string[],
  prerequisites: string[],
): CommitWalk {
  const trees = new Map<string, string>()
  const firstParent = new Map<string, string | null>()
  const parents = new Map<string, string[]>()
  const dates = new Map<string, number>()
  const has = new Set<string>()
  const processed = new Set<string>()
  const queue: string[] = []
  let wantedInQueue = 0

  // A light copy's history stops at its shallow commits: their parents are not here.
  const shallow = shallowCommits(context.gitdir)
  const load = (oid: string): void => {
    if (dates.has(oid)) return
    const commit = readCommit(context.objects, context.gitdir, oid)
    dates.set(oid, commit.committer.timestamp)
    parents.set(oid, shallow.has(oid) ? [] : commit.parents)
    trees.set(oid, commit.tree)
    firstParent.set(oid, commit.parents[0] ?? null)
  }
  const enqueue = (oid: string): void => {
    load(oid)
    queue.push(oid)
    if (!has.has(oid)) wantedInQueue++
  }
  for (const oid of prerequisites) {
    has.add(oid)
    enqueue(oid)
  }
  for (const oid of tips) if (!queue.includes(oid)) enqueue(oid)

  while (queue.length > 0 && wantedInQueue > 0) {
    // Newest first; the queue stays short (the walk's frontier), so a scan is enough.
    let newest = 0
    for (let i = 1; i < queue.length; i++) {
      if (dates.get(queue[i]!)! > dates.get(queue[newest]!)!) newest = i
    }
    const oid = queue.splice(newest, 1)[0]!
    const known = has.has(oid)
    if (!known) wantedInQueue--
    if (processed.has(oid) && !known) continue
    processed.add(oid)
    for (const parent of parents.get(oid)!) {
      const parentKnown = has.has(parent)
      if (known && !parentKnown) {
        has.add(parent)
        if (queue.includes(parent)) wantedInQueue--
        else enqueue(parent)
      } else if (!known && !parentKnown && !processed.has(parent) && !queue.includes(parent)) {
        enqueue(parent)
      }
    }
  }

  const sent = new Set([...processed].filter((oid) => !has.has(oid)))
  const boundary = new Set(prerequisites)
  for (const oid of sent) {
    for (const parent of parents.get(oid)!) if (!sent.has(parent)) boundary.add(parent)
  }
  return { commits: parentsFirst(tips, sent, parents), boundary: [...boundary], trees, firstParent }
}

/** `sent` ordered so that each commit comes after its parents (depth-first, iterative). */
function parentsFirst(tips: string[], sent: Set<string>, parents: Map<string, string[]>): string[] {
  const order: string[] = []
  const seen = new Set<string>()
  for (const tip of tips) {
    if (!sent.has(tip) || seen.has(tip)) continue
    const stack: { oid: string; next: number }[] = [{ oid: tip, next: 0 }]
    seen.add(tip)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const list = parents.get(top.oid)!
      const parent = list[top.next++]
      if (parent === undefined) {
        order.push(top.oid)
        stack.pop()
      } else if (sent.has(parent) && !seen.has(parent)) {
        seen.add(parent)
        stack.push({ oid: parent, next: 0 })
      }
    }
  }
  return order
}

/** Every tree and blob of these root trees: what a receiver with those versions has. */
function objectsOfTrees(context: RepositoryContext, roots: string[]): Set<string> {
  const found = new Set<string>()
  const pending = [...roots]
  while (pending.length > 0) {
    const tree = pending.pop()!
    if (found.has(tree)) continue
    found.add(tree)
    for (const item of readTree(context.objects, context.gitdir, tree)) {
      if (item.mode === GITLINK) continue
      if (item.isTree) pending.push(item.oid)
      else found.add(item.oid)
    }
  }
  return found
}

/**
 * The objects to send, in an order where every in-pack base comes first:
 * commit by commit (parents first), each version's new trees and files
 * compared path by path with its first parent's, then the commit itself.
 */
function planObjects(context: RepositoryContext, walk: CommitWalk, have: Set<string>): Planned[] {
  const plan: Planned[] = []
  const planned = new Set<string>()
  const entriesOf = (tree: string | null): Map<string, TreeItem> =>
    new Map(
      tree === null
        ? []
        : readTree(context.objects, context.gitdir, tree).map((item) => [item.name, item]),
    )
  const addTree = (root: string, rootBase: string | null): void => {
    // Iterative: a hostile or very deep folder structure must not exhaust the stack.
    const stack: { tree: string; base: string | null; expanded: boolean }[] = [
      { tree: root, base: rootBase, expanded: false },
    ]
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      if (planned.has(top.tree) || have.has(top.tree)) {
        stack.pop()
        continue
      }
      if (top.expanded) {
        stack.pop()
        planned.add(top.tree)
        plan.push({ oid: top.tree, type: 'tree', base: differentBase(top.tree, top.base) })
        continue
      }
      top.expanded = true
      const before = entriesOf(top.base)
      const items = readTree(context.objects, context.gitdir, top.tree)
      // A page renamed (or replaced) in the same folder is most like the page that left it.
      const names = new Set(items.map((item) => item.name))
      const departed = [...before.values()].filter(
        (item) => !item.isTree && item.mode !== GITLINK && !names.has(item.name),
      )
      for (const item of items) {
        if (item.mode === GITLINK || planned.has(item.oid) || have.has(item.oid)) continue
        const previous = before.get(item.name)
        const base =
          previous && previous.isTree === item.isTree
            ? previous.oid
            : item.isTree
              ? null
              : (departed.shift()?.oid ?? null)
        if (item.isTree) {
          stack.push({ tree: item.oid, base, expanded: false })
        } else {
          planned.add(item.oid)
          plan.push({ oid: item.oid, type: 'blob', base: differentBase(item.oid, base) })
        }
      }
    }
  }
  for (const commit of walk.commits) {
    const parent = walk.firstParent.get(commit) ?? null
    const parentTree =
      parent === null
        ? null
        : (walk.trees.get(parent) ?? readCommit(context.objects, context.gitdir, parent).tree)
    addTree(walk.trees.get(commit)!, parentTree)
    plan.push({ oid: commit, type: 'commit', base: null })
  }
  return plan
}

function differentBase(oid: string, base: string | null): string | null {
  return base === oid ? null : base
}

/** `# v2 git bundle`, `-<oid> <subject>` per prerequisite, `<oid> <ref>` per ref, a blank line. */
function bundleHeader(context: RepositoryContext, request: BundleRequest): Buffer {
  let text = '# v2 git bundle\n'
  for (const oid of request.prerequisites) {
    const subject = readCommit(context.objects, context.gitdir, oid).message.split('\n')[0] ?? ''
    text += `-${oid} ${subject}\n`
  }
  for (const ref of request.refs) text += `${ref.oid} ${ref.name}\n`
  return Buffer.from(`${text}\n`, 'utf8')
}

/** The commits `.git/shallow` lists (a light copy's oldest versions), none in a full copy. */
function shallowCommits(gitdir: string): Set<string> {
  try {
    return new Set(readFileSync(path.join(gitdir, 'shallow'), 'utf8').split('\n').filter(isOid))
  } catch {
    return new Set()
  }
}

function isOid(value: string): boolean {
  return /^[0-9a-f]{40}$/.test(value)
}

/**
 * A full ref name git accepts (check-ref-format's rules that matter in a
 * header line), or `HEAD`: a complete file for a first clone names the line
 * to check out, as `git bundle create --all` does.
 */
function isRefName(name: string): boolean {
  if (name === 'HEAD') return true
  return (
    /^refs\/[^\0-\x20\x7f~^:?*[\\]+$/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.includes('@{') &&
    !name.endsWith('/') &&
    !name.endsWith('.lock') &&
    !name.endsWith('.') &&
    !name.split('/').some((part) => part.startsWith('.'))
  )
}
