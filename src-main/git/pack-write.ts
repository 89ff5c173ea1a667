import { createHash, type Hash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import type { ObjectType } from './object-store.js'

/**
 * A pack (version 2) as git writes it: `PACK`, version, object count, then
 * each object's type-and-size header and its zlib-deflated data, then the
 * SHA-1 of everything before. isomorphic-git's `packObjects` stores every
 * object whole; this writer also stores deltas, which is what makes a
 * contribution file a few kilobytes instead of whole pages.
 */

const TYPE_CODES: Record<ObjectType, number> = { commit: 1, tree: 2, blob: 3, tag: 4 }
const OFS_DELTA = 6
const REF_DELTA = 7

/** One entry of a pack: an object stored whole, or as a delta against a base. */
export type PackEntry =
  | { kind: 'whole'; type: ObjectType; content: Uint8Array }
  /** Base elsewhere in this pack, written earlier: its byte offset is recorded. */
  | { kind: 'ofs-delta'; baseOffset: number; delta: Uint8Array }
  /** Base named by id; in a thin pack the receiver already has it. */
  | { kind: 'ref-delta'; baseOid: string; delta: Uint8Array }

/**
 * Writes a pack entry by entry into memory chunks. `add` answers each entry's
 * offset, which later OFS_DELTA entries use to name their base.
 */
export class PackWriter {
  private readonly chunks: Buffer[] = []
  private readonly hash: Hash = createHash('sha1')
  private offset = 12
  private count = 0

  constructor(private readonly expected: number) {
    const header = Buffer.alloc(12)
    header.write('PACK', 0, 'latin1')
    header.writeUInt32BE(2, 4)
    header.writeUInt32BE(expected, 8)
    this.push(header)
  }

  add(entry: PackEntry): number {
    const at = this.offset
    const data = entry.kind === 'whole' ? entry.content : entry.delta
    const type =
      entry.kind === 'whole'
        ? TYPE_CODES[entry.type]
        : entry.kind === 'ofs-delta'
          ? OFS_DELTA
          : REF_DELTA
    this.push(objectHeader(type, data.length))
    if (entry.kind === 'ofs-delta') this.push(offsetDistance(at - entry.baseOffset))
    if (entry.kind === 'ref-delta') this.push(Buffer.from(entry.baseOid, 'hex'))
    this.push(deflateSync(data))
    this.count++
    return at
  }

  /** The whole pack, its checksum last; refuses a count that differs from the header's. */
  finish(): Buffer[] {
    if (this.count !== this.expected) {
      throw new Error(`pack holds ${this.count} objects, header says ${this.expected}`)
    }
    this.chunks.push(this.hash.digest())
    return this.chunks
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.hash.update(chunk)
    this.offset += chunk.length
  }
}

/** Type in bits 4–6 of the first byte, size in 4 bits then 7 bits per byte, low first. */
function objectHeader(type: number, size: number): Buffer {
  const bytes: number[] = []
  let byte = (type << 4) | (size & 0x0f)
  let rest = Math.floor(size / 16)
  while (rest > 0) {
    bytes.push(byte | 0x80)
    byte = rest & 0x7f
    rest = Math.floor(rest / 128)
  }
  bytes.push(byte)
  return Buffer.from(bytes)
}

/** OFS_DELTA's distance: big-endian base-128 where each continuation adds one (git's encoding). */
export function offsetDistance(distance: number): Buffer {
  const bytes = [distance & 0x7f]
  let rest = Math.floor(distance / 128)
  while (rest > 0) {
    rest -= 1
    bytes.unshift(0x80 | (rest & 0x7f))
    rest = Math.floor(rest / 128)
  }
  return Buffer.from(bytes)
}
