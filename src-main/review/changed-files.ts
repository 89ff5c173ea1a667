import type { RepositoryContext } from '../git/repository-context.js'
import type { TreeFile } from '../git/tree-files.js'
import {
  DEFAULT_RENAME_SCORE,
  MAX_SCORE,
  similarity,
  spanCounts,
  type SpanCounts,
} from './rename-similarity.js'

/** One file that differs between two versions, as `git diff --name-status -M` names it. */
export interface ChangedFile {
  path: string
  /** For a rename: the path the file had in `base`. */
  from?: string
  change: 'added' | 'modified' | 'deleted' | 'renamed'
}

/** git pairs at most this many destinations with sources (`diff.renameLimit`, 1000 by default). */
const RENAME_LIMIT = 1000
/** The best sources git keeps per destination before choosing (`NUM_CANDIDATE_PER_DST`). */
const CANDIDATES = 4
/** A same-name pair needs this much to be taken before the full comparison (git ≥ 2.33). */
const BASENAME_SCORE = DEFAULT_RENAME_SCORE + Math.floor(0.5 * (MAX_SCORE - DEFAULT_RENAME_SCORE))

const isRegular = (mode: number) => (mode & 0o170000) === 0o100000

/**
 * The files that differ between the commits `base` and `tip`, with renames
 * detected as native `git diff` does by default: exact moves first, then a
 * file moved under the same name that is at least 75 % similar, then the best
 * pairs of at least 50 % similarity. Sorted as git prints them (by path).
 */
export async function changedFiles(
  context: RepositoryContext,
  /** null: no common version, every file of `tip` is added. */
  base: string | null,
  tip: string,
): Promise<ChangedFile[]> {
  const before = await context.trees.filesOfCommit(base)
  const after = await context.trees.filesOfCommit(tip)
  const changes: ChangedFile[] = []
  const deleted: Entry[] = []
  const added: Entry[] = []
  for (const [path, file] of before) {
    const now = after.get(path)
    if (!now) deleted.push({ path, file })
    else if (now.oid !== file.oid || now.mode !== file.mode)
      changes.push({ path, change: 'modified' })
  }
  for (const [path, file] of after) if (!before.has(path)) added.push({ path, file })
  deleted.sort(byBytes)
  added.sort(byBytes)
  const renames = detectRenames(context, deleted, added)
  for (const entry of deleted) {
    if (!renames.usedSources.has(entry.path)) changes.push({ path: entry.path, change: 'deleted' })
  }
  for (const entry of added) {
    const from = renames.sourceOf.get(entry.path)
    changes.push(
      from === undefined
        ? { path: entry.path, change: 'added' }
        : { path: entry.path, from, change: 'renamed' },
    )
  }
  return changes.sort(byBytes)
}

interface Entry {
  path: string
  file: TreeFile
}

interface Candidate {
  source: number
  destination: number
  score: number
  sameName: boolean
}

/** git's order: a better score first, then a pair keeping its file name. */
function better(a: Candidate | null, b: Candidate | null): number {
  if (a === null) return b === null ? 0 : 1
  if (b === null) return -1
  if (a.score === b.score) return Number(b.sameName) - Number(a.sameName)
  return b.score - a.score
}

function detectRenames(context: RepositoryContext, sources: Entry[], destinations: Entry[]) {
  const sourceOf = new Map<string, string>()
  const usedSources = new Set<string>()
  const paired = new Set<number>()
  const used = new Set<number>()
  const pair = (source: number, destination: number) => {
    paired.add(destination)
    used.add(source)
    usedSources.add(sources[source]!.path)
    sourceOf.set(destinations[destination]!.path, sources[source]!.path)
  }
  if (sources.length === 0 || destinations.length === 0) return { sourceOf, usedSources }

  // Exact moves: the same blob, preferring an unused source with the same name.
  const byOid = new Map<string, number[]>()
  sources.forEach((entry, index) => {
    const list = byOid.get(entry.file.oid) ?? []
    list.push(index)
    byOid.set(entry.file.oid, list)
  })
  destinations.forEach((target, index) => {
    let best = -1
    let bestScore = -1
    // git gives up looking after 100 identical candidates.
    let tries = 100
    for (const source of byOid.get(target.file.oid) ?? []) {
      const candidate = sources[source]!.file
      if (
        (!isRegular(candidate.mode) || !isRegular(target.file.mode)) &&
        candidate.mode !== target.file.mode
      ) {
        continue
      }
      if (used.has(source)) continue
      const score = 1 + Number(sameBaseName(sources[source]!.path, target.path))
      if (score > bestScore) {
        best = source
        bestScore = score
        if (score === 2) break
      }
      if (--tries === 0) break
    }
    if (best >= 0) pair(best, index)
  })

  const blobs = new Map<string, { size: number; spans: SpanCounts | null; bytes: Buffer }>()
  const blob = (oid: string) => {
    let known = blobs.get(oid)
    if (!known) {
      const bytes = context.objects.read(oid).content
      known = { size: bytes.length, spans: null, bytes }
      blobs.set(oid, known)
    }
    return known
  }
  const spansOf = (oid: string) => {
    const known = blob(oid)
    known.spans ??= spanCounts(known.bytes)
    return known.spans
  }
  const score = (source: Entry, destination: Entry, minimum: number) => {
    if (!isRegular(source.file.mode) || !isRegular(destination.file.mode)) return 0
    return similarity(
      blob(source.file.oid).size,
      blob(destination.file.oid).size,
      () => ({ source: spansOf(source.file.oid), destination: spansOf(destination.file.oid) }),
      minimum,
    )
  }

  // Moved under the same name, when that name is unique on both sides.
  const unique = (entries: Entry[], skip: Set<number>) => {
    const names = new Map<string, number>()
    entries.forEach((entry, index) => {
      if (skip.has(index)) return
      const name = baseName(entry.path)
      names.set(name, names.has(name) ? -1 : index)
    })
    return names
  }
  const sourceNames = unique(sources, used)
  const destinationNames = unique(destinations, paired)
  sources.forEach((entry, index) => {
    if (used.has(index)) return
    const name = baseName(entry.path)
    const destination = destinationNames.get(name)
    if (sourceNames.get(name) !== index || destination === undefined || destination < 0) return
    if (paired.has(destination)) return
    if (score(entry, destinations[destination]!, BASENAME_SCORE) >= BASENAME_SCORE) {
      pair(index, destination)
    }
  })

  // The rest: every remaining pair compared, the best kept, within git's limit.
  const remainingSources = sources.map((_, index) => index).filter((index) => !used.has(index))
  const remainingDestinations = destinations
    .map((_, index) => index)
    .filter((index) => !paired.has(index))
  if (
    remainingSources.length === 0 ||
    remainingDestinations.length === 0 ||
    remainingSources.length * remainingDestinations.length > RENAME_LIMIT * RENAME_LIMIT
  ) {
    return { sourceOf, usedSources }
  }
  const matrix: (Candidate | null)[] = []
  for (const destination of remainingDestinations) {
    const slots: (Candidate | null)[] = new Array<Candidate | null>(CANDIDATES).fill(null)
    for (const source of remainingSources) {
      const candidate: Candidate = {
        source,
        destination,
        score: score(sources[source]!, destinations[destination]!, DEFAULT_RENAME_SCORE),
        sameName: sameBaseName(sources[source]!.path, destinations[destination]!.path),
      }
      let worst = 0
      for (let i = 1; i < CANDIDATES; i++) if (better(slots[i]!, slots[worst]!) > 0) worst = i
      if (better(slots[worst]!, candidate) > 0) slots[worst] = candidate
    }
    matrix.push(...slots)
  }
  // Array.prototype.sort is stable, as git's STABLE_QSORT.
  matrix.sort(better)
  for (const candidate of matrix) {
    if (candidate === null || candidate.score < DEFAULT_RENAME_SCORE) break
    if (paired.has(candidate.destination) || used.has(candidate.source)) continue
    pair(candidate.source, candidate.destination)
  }
  return { sourceOf, usedSources }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function sameBaseName(a: string, b: string): boolean {
  return baseName(a) === baseName(b)
}

/** git sorts paths by their bytes, not by UTF-16 code units. */
function byBytes(a: { path: string }, b: { path: string }): number {
  return Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))
}
