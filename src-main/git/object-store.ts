import { applyDelta, inflateChunkSize } from './pack-delta.js'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import { GitDataError } from './git-data-error.js'
import { objectFile } from './object-errors.js'

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag'

export interface GitObject {
  type: ObjectType
  content: Buffer
}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' }
const WINDOW_BYTES = 256 * 1024
/** At most 8 MB of windows. */
const WINDOWS = 32
const OFS_DELTA = 6
const REF_DELTA = 7

/** One packfile: its index in memory (ids and offsets), the pack itself read piece by piece. */
interface Pack {
  file: string
  fd: number
  size: number
  oids: Buffer
  offsets: number[]
  count: number
}

/**
 * Reads git objects — loose or packed — for the read-only side of versions
 * (status, history, comparisons). isomorphic-git reads a whole packfile into
 * memory and re-reads the objects folder for every object, which costs
 * seconds on long histories and, on a 384 MB pack, 1.3 GB of memory. This
 * reads only the bytes of each object (`pread` at its offset), keeps delta
 * bases in a small cache bounded in bytes, and leaves writing to isomorphic-git.
 */
export class ObjectStore {
  private packs: Pack[] | null = null
  private readonly cache = new Map<string, GitObject>()
  /** Pieces of packs read lately (see `readBytes`), by pack and position. */
  private readonly windows = new Map<string, Buffer>()
  private cachedBytes = 0

  constructor(
    private readonly gitdir: string,
    /** Upper bound of the object cache (delta bases, trees), in bytes. */
    private readonly cacheLimit = 32 * 1024 * 1024,
  ) {}

  read(oid: string): GitObject {
    const cached = this.cache.get(oid)
    if (cached) return cached
    // Packs first, as git looks: most objects are packed, and asking the disk
    // for a loose file that is not there costs more than reading a packed one.
    const object = this.readPacked(oid, false) ?? this.readLoose(oid) ?? this.readPacked(oid)
    if (!object) throw new GitDataError('missing-object', objectFile(this.gitdir, oid))
    this.remember(oid, object)
    return object
  }

  /** Whether the repository has this object, loose or packed (without reading it). */
  has(oid: string): boolean {
    if (this.cache.has(oid)) return true
    const wanted = Buffer.from(oid, 'hex')
    if (this.loadPacks().some((pack) => findInIndex(pack, wanted) >= 0)) return true
    return existsSync(objectFile(this.gitdir, oid))
  }

  /** Forgets packs and cache (after a commit or a fetch added objects). */
  refresh(): void {
    for (const pack of this.packs ?? []) closeSync(pack.fd)
    this.packs = null
    this.windows.clear()
  }

  close(): void {
    this.refresh()
    this.cache.clear()
    this.cachedBytes = 0
  }

  private remember(key: string, object: GitObject): void {
    if (object.content.length > this.cacheLimit / 8) return
    this.cache.set(key, object)
    this.cachedBytes += object.content.length
    // Oldest first: Map keeps insertion order.
    for (const [oldKey, old] of this.cache) {
      if (this.cachedBytes <= this.cacheLimit) break
      this.cache.delete(oldKey)
      this.cachedBytes -= old.content.length
    }
  }

  private readLoose(oid: string): GitObject | null {
    const file = objectFile(this.gitdir, oid)
    let raw: Buffer
    try {
      raw = readFileSync(file)
    } catch {
      return null
    }
    let bytes: Buffer
    try {
      bytes = inflateSync(raw)
    } catch {
      throw new GitDataError('corrupt-object', file)
    }
    const space = bytes.indexOf(0x20)
    const nul = bytes.indexOf(0)
    const type = bytes.toString('latin1', 0, space) as ObjectType
    const content = bytes.subarray(nul + 1)
    const valid =
      space > 0 &&
      nul > space &&
      ['commit', 'tree', 'blob', 'tag'].includes(type) &&
      Number(bytes.toString('latin1', space + 1, nul)) === content.length &&
      createHash('sha1').update(bytes).digest('hex') === oid
    if (!valid) throw new GitDataError('corrupt-object', file)
    return { type, content }
  }

  /** `retry`: when no pack has it, list the packs again (git may have repacked) and look once more. */
  private readPacked(oid: string, retry = true): GitObject | null {
    const wanted = Buffer.from(oid, 'hex')
    for (const pack of this.loadPacks()) {
      const index = findInIndex(pack, wanted)
      if (index >= 0) return this.readAt(pack, pack.offsets[index] ?? 0)
    }
    if (!retry) return null
    // Native git may have repacked since the packs were listed: look again once.
    this.refresh()
    return this.readPacked(oid, false)
  }

  private readAt(pack: Pack, offset: number): GitObject {
    const key = `${pack.file}:${offset}`
    const cached = this.cache.get(key)
    if (cached) return cached
    const fail = (): never => {
      throw new GitDataError('corrupt-object', pack.file)
    }
    const head = this.readBytes(pack, offset, 32)
    let byte = head[0] ?? fail()
    const kind = (byte >> 4) & 7
    let size = byte & 0x0f
    let shift = 4
    let cursor = 1
    while (byte & 0x80) {
      byte = head[cursor++] ?? fail()
      size += (byte & 0x7f) * 2 ** shift
      shift += 7
    }
    let base: GitObject | null = null
    if (kind === OFS_DELTA) {
      byte = head[cursor++] ?? fail()
      let distance = byte & 0x7f
      while (byte & 0x80) {
        byte = head[cursor++] ?? fail()
        distance = (distance + 1) * 128 + (byte & 0x7f)
      }
      base = this.readAt(pack, offset - distance)
    } else if (kind === REF_DELTA) {
      base = this.read(head.toString('hex', cursor, cursor + 20))
      cursor += 20
    }
    const data = this.inflateAt(pack, offset + cursor, size)
    let object: GitObject
    if (base) {
      object = { type: base.type, content: applyDelta(base.content, data, { corrupt: fail }) }
    } else {
      const type = TYPES[kind] ?? fail()
      object = { type, content: data }
    }
    this.remember(key, object)
    return object
  }

  /** Inflates the zlib stream at `position`, reading little more than its compressed length. */
  private inflateAt(pack: Pack, position: number, size: number): Buffer {
    let length = Math.min(pack.size - position, size + 64 + Math.ceil(size / 100))
    for (;;) {
      const chunk = this.readBytes(pack, position, length)
      try {
        const data = inflateSync(chunk, { chunkSize: inflateChunkSize(size) })
        if (data.length !== size) throw new GitDataError('corrupt-object', pack.file)
        return data
      } catch (error) {
        if (error instanceof GitDataError || length >= pack.size - position) {
          throw new GitDataError('corrupt-object', pack.file)
        }
        length = Math.min(pack.size - position, length * 2)
      }
    }
  }

  /**
   * `length` bytes of a pack from `position` (fewer at its end). Read through
   * windows of 256 KB kept for the next objects — a history walk reads
   * neighbouring objects one after another — rather than one read per object.
   */
  private readBytes(pack: Pack, position: number, length: number): Buffer {
    const start = position - (position % WINDOW_BYTES)
    if (position + length > start + WINDOW_BYTES) {
      const chunk = Buffer.alloc(length)
      const read = readSync(pack.fd, chunk, 0, length, position)
      return chunk.subarray(0, read)
    }
    const key = `${pack.file}:${start}`
    let window = this.windows.get(key)
    if (window) {
      this.windows.delete(key)
    } else {
      window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, pack.size - start))
      window = window.subarray(0, readSync(pack.fd, window, 0, window.length, start))
      for (const oldKey of this.windows.keys()) {
        if (this.windows.size < WINDOWS) break
        this.windows.delete(oldKey)
      }
    }
    // Most recently used last: Map keeps insertion order.
    this.windows.set(key, window)
    return window.subarray(position - start, position - start + length)
  }

  private loadPacks(): Pack[] {
    if (this.packs) return this.packs
    const folder = path.join(this.gitdir, 'objects', 'pack')
    let names: string[]
    try {
      names = readdirSync(folder).filter((name) => name.endsWith('.idx'))
    } catch {
      names = []
    }
    this.packs = names.map((name) => openPack(path.join(folder, name)))
    return this.packs
  }
}

function openPack(indexFile: string): Pack {
  const packFile = indexFile.replace(/\.idx$/, '.pack')
  const fail = (): never => {
    throw new GitDataError('corrupt-object', indexFile)
  }
  const idx = readFileSync(indexFile)
  if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) fail()
  const count = idx.readUInt32BE(8 + 255 * 4)
  const oidsStart = 8 + 256 * 4
  const offsetsStart = oidsStart + count * 20 + count * 4
  const largeStart = offsetsStart + count * 4
  if (idx.length < largeStart + 40) fail()
  const offsets: number[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const value = idx.readUInt32BE(offsetsStart + i * 4)
    offsets[i] =
      value & 0x80000000
        ? Number(idx.readBigUInt64BE(largeStart + (value & 0x7fffffff) * 8))
        : value
  }
  const fd = openSync(packFile, 'r')
  return {
    file: packFile,
    fd,
    size: fstatSync(fd).size,
    oids: idx.subarray(oidsStart, oidsStart + count * 20),
    offsets,
    count,
  }
}

/** Binary search of a sorted id table. */
function findInIndex(pack: Pack, oid: Buffer): number {
  let low = 0
  let high = pack.count - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const order = pack.oids.compare(oid, 0, 20, middle * 20, middle * 20 + 20)
    if (order === 0) return middle
    if (order < 0) low = middle + 1
    else high = middle - 1
  }
  return -1
}
