import { applyDelta, inflateChunkSize } from './pack-delta.js'
import { createHash } from 'node:crypto'
import { inflateSync } from 'node:zlib'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { BUNDLE_LIMITS, MIN_ENTRY_BYTES } from './bundle-limits.js'
import type { GitObject, ObjectType } from './object-store.js'

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' }
const OFS_DELTA = 6
const REF_DELTA = 7
const CHECKSUM_BYTES = 20

/** One pack entry as read: whole objects, or deltas waiting for their base. */
interface Entry {
  offset: number
  /** The object's type, or null for a delta (it takes its base's). */
  type: ObjectType | null
  data: Buffer
  baseOffset?: number
  baseOid?: string
}

/** What a received pack holds, every object inflated, resolved and hashed. */
export interface ReadPack {
  objects: Map<string, GitObject>
  /** Delta bases taken from the repository (the pack was thin). */
  externalBases: string[]
  /** Each entry in pack order: its object's id and where its bytes start (for a pack index). */
  entries: { oid: string; offset: number }[]
}

/**
 * Reads a pack from someone else (`Documentation/gitformat-pack.txt`) and
 * checks all of it in memory, bounded by `BUNDLE_LIMITS`: the checksum, each
 * entry's zlib stream (never inflated past its declared size), each delta
 * (its base's size, copies inside the base, the declared result size), and
 * the hash of every object. Deltas are resolved from a work list — as git's
 * `index-pack` does — not by recursion, so a hostile chain cannot overflow the
 * stack and a cycle simply stays unresolved. A REF_DELTA base missing from
 * the pack comes from `repositoryObject` (a thin pack, as `git bundle create
 * main..x` writes).
 */
export function readPack(
  pack: Buffer,
  repositoryObject: (oid: string) => GitObject | null,
): ReadPack {
  const corrupt = (why: string): never => {
    throw new AtelierError('bundle-corrupt', why)
  }
  const tooLarge = (why: string): never => {
    throw new AtelierError('bundle-too-large', why)
  }
  if (pack.length < 12 + CHECKSUM_BYTES || pack.toString('latin1', 0, 4) !== 'PACK') {
    corrupt('no pack')
  }
  const version = pack.readUInt32BE(4)
  if (version !== 2 && version !== 3) corrupt(`pack version ${version}`)
  const end = pack.length - CHECKSUM_BYTES
  // The checksum first: it catches a truncated or altered file before any inflating.
  const sum = createHash('sha1').update(pack.subarray(0, end)).digest()
  if (!sum.equals(pack.subarray(end))) corrupt('pack checksum')
  const count = pack.readUInt32BE(8)
  if (count > BUNDLE_LIMITS.objects || count * MIN_ENTRY_BYTES > end - 12) {
    tooLarge(`${count} objects declared in ${pack.length} bytes`)
  }

  let inflated = 0
  const account = (bytes: number): void => {
    if (bytes > BUNDLE_LIMITS.objectBytes) tooLarge(`object of ${bytes} bytes`)
    inflated += bytes
    if (inflated > BUNDLE_LIMITS.inflatedBytes) tooLarge(`${inflated} bytes inflated`)
  }

  const entries: Entry[] = []
  const entryAt = new Map<number, number>()
  let position = 12
  const next = (): number => {
    if (position >= end) corrupt('entry runs past the pack')
    return pack[position++]!
  }
  for (let i = 0; i < count; i++) {
    const offset = position
    let byte = next()
    const kind = (byte >> 4) & 7
    let size = byte & 15
    let scale = 16
    while (byte & 0x80) {
      byte = next()
      size += (byte & 0x7f) * scale
      scale *= 128
      if (size > BUNDLE_LIMITS.objectBytes) tooLarge(`object of ${size} bytes declared`)
    }
    const entry: Entry = { offset, type: TYPES[kind] ?? null, data: Buffer.alloc(0) }
    if (kind === OFS_DELTA) {
      byte = next()
      let distance = byte & 0x7f
      while (byte & 0x80) {
        byte = next()
        distance = (distance + 1) * 128 + (byte & 0x7f)
        if (distance > offset) corrupt('delta base before the pack')
      }
      entry.baseOffset = offset - distance
      if (distance === 0 || !entryAt.has(entry.baseOffset)) corrupt('delta base not an entry')
    } else if (kind === REF_DELTA) {
      if (position + 20 > end) corrupt('entry runs past the pack')
      entry.baseOid = pack.toString('hex', position, position + 20)
      position += 20
    } else if (entry.type === null) {
      corrupt(`object type ${kind}`)
    }
    account(size)
    entry.data = inflateEntry(pack.subarray(position, end), size, (read) => (position += read))
    entries.push(entry)
    entryAt.set(offset, i)
  }
  if (position !== end) corrupt('bytes after the last object')

  // Resolution: whole objects first, then each delta as soon as its base is known.
  const objects = new Map<string, GitObject>()
  const resolved: (GitObject | null)[] = entries.map(() => null)
  const waitingOnOffset = new Map<number, number[]>()
  const waitingOnOid = new Map<string, number[]>()
  const ready: number[] = []
  entries.forEach((entry, i) => {
    if (entry.type !== null) ready.push(i)
    else if (entry.baseOffset !== undefined) push(waitingOnOffset, entry.baseOffset, i)
    else push(waitingOnOid, entry.baseOid!, i)
  })
  const ids: string[] = []
  const settle = (i: number, object: GitObject): void => {
    resolved[i] = object
    const oid = objectId(object)
    ids[i] = oid
    objects.set(oid, object)
    for (const waiting of take(waitingOnOffset, entries[i]!.offset)) deltaReady(waiting, object)
    for (const waiting of take(waitingOnOid, oid)) deltaReady(waiting, object)
  }
  const deltaReady = (i: number, base: GitObject): void => {
    const content = applyDelta(base.content, entries[i]!.data, {
      resultSize: (bytes) => {
        if (bytes > BUNDLE_LIMITS.objectBytes) {
          throw new AtelierError('bundle-too-large', `delta of ${bytes} bytes`)
        }
        account(bytes)
      },
      corrupt,
    })
    resolved[i] = { type: base.type, content }
    ready.push(i)
  }
  const drain = (): void => {
    for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
      const entry = entries[i]!
      settle(i, resolved[i] ?? { type: entry.type!, content: entry.data })
    }
  }
  drain()
  // What still waits on an id the pack does not hold: the pack is thin, the base is ours.
  const externalBases: string[] = []
  for (const oid of [...waitingOnOid.keys()]) {
    const base = repositoryObject(oid)
    if (!base) continue
    externalBases.push(oid)
    for (const waiting of take(waitingOnOid, oid)) deltaReady(waiting, base)
    drain()
  }
  if (resolved.some((object) => object === null)) {
    corrupt(`delta base missing: ${[...waitingOnOid.keys()][0] ?? 'cycle'}`)
  }
  return {
    objects,
    externalBases,
    entries: entries.map((entry, i) => ({ oid: ids[i]!, offset: entry.offset })),
  }
}

/** The git id of an object: SHA-1 of `<type> <size>\0<content>`. */
export function objectId(object: GitObject): string {
  return createHash('sha1')
    .update(`${object.type} ${object.content.length}\0`)
    .update(object.content)
    .digest('hex')
}

/** Inflates one entry's zlib stream, refusing it past `size`; reports how many bytes it took. */
function inflateEntry(rest: Buffer, size: number, consumed: (bytes: number) => void): Buffer {
  let result: { buffer: Buffer; engine: { bytesWritten: number } }
  try {
    // maxOutputLength stops a stream that says 10 bytes but inflates to gigabytes.
    result = inflateSync(rest, {
      info: true,
      maxOutputLength: Math.max(size, 1),
      chunkSize: inflateChunkSize(size),
    }) as never
  } catch {
    throw new AtelierError('bundle-corrupt', 'zlib stream')
  }
  if (result.buffer.length !== size) throw new AtelierError('bundle-corrupt', 'size mismatch')
  consumed(result.engine.bytesWritten)
  return result.buffer
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function take<K>(map: Map<K, number[]>, key: K): number[] {
  const list = map.get(key) ?? []
  map.delete(key)
  return list
}
