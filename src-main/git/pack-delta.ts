/**
 * Git's delta format (the payload of a pack's OFS_DELTA and REF_DELTA
 * entries): the base's size and the result's size as little-endian base-128
 * numbers, then instructions that either copy a run of the base
 * (`1oooosss` + offset and size bytes) or insert up to 127 literal bytes.
 *
 * No maintained npm package writes this format (there are appliers only), so
 * the encoder is ours, in the spirit of git's diff-delta.c: the base is cut
 * into blocks whose hashes go in a table, the target is scanned with a
 * rolling hash of the same width, and each hit is checked byte by byte and
 * stretched both ways. Time is linear in the two sizes: chains are cut short
 * and every target byte is hashed once.
 */

/** Width of the blocks indexed in the base; matches shorter than this are inserted. */
const BLOCK = 16
/** Candidates tried per target position: bounds the work on repetitive bases. */
const MAX_CHAIN = 32
/** Git's encoder never copies more than this in one instruction; its readers all accept it. */
const MAX_COPY = 0x10000
const MAX_INSERT = 0x7f
const PRIME = 0x01000193

/** BLOCK-th power of PRIME, to take the leaving byte out of the rolling hash. */
const OUTGOING = (() => {
  let power = 1
  for (let i = 0; i < BLOCK - 1; i++) power = Math.imul(power, PRIME)
  return power
})()

function blockHash(bytes: Uint8Array, start: number): number {
  let hash = 0
  for (let i = start; i < start + BLOCK; i++) hash = (Math.imul(hash, PRIME) + bytes[i]!) | 0
  return hash
}

/** A hash table of the base's blocks (one per BLOCK bytes), newest position first. */
interface BaseIndex {
  mask: number
  heads: Int32Array
  next: Int32Array
}

function indexBase(base: Uint8Array): BaseIndex {
  const blocks = Math.floor(base.length / BLOCK)
  let size = 16
  while (size < blocks * 2) size *= 2
  const heads = new Int32Array(size).fill(-1)
  const next = new Int32Array(blocks).fill(-1)
  // Later blocks first in each chain: inserting from the end leaves the earliest at the head.
  for (let block = blocks - 1; block >= 0; block--) {
    const slot = blockHash(base, block * BLOCK) & (size - 1)
    next[block] = heads[slot]!
    heads[slot] = block
  }
  return { mask: size - 1, heads, next }
}

class DeltaOutput {
  private chunks: number[] = []

  varint(value: number): void {
    let rest = value
    while (rest >= 0x80) {
      this.chunks.push((rest & 0x7f) | 0x80)
      rest = Math.floor(rest / 128)
    }
    this.chunks.push(rest)
  }

  insert(bytes: Uint8Array, start: number, end: number): void {
    for (let at = start; at < end; at += MAX_INSERT) {
      const length = Math.min(MAX_INSERT, end - at)
      this.chunks.push(length)
      for (let i = at; i < at + length; i++) this.chunks.push(bytes[i]!)
    }
  }

  copy(offset: number, size: number): void {
    for (let done = 0; done < size; done += MAX_COPY) {
      this.copyOne(offset + done, Math.min(MAX_COPY, size - done))
    }
  }

  get length(): number {
    return this.chunks.length
  }

  bytes(): Buffer {
    return Buffer.from(this.chunks)
  }

  private copyOne(offset: number, size: number): void {
    const at = this.chunks.length
    let op = 0x80
    this.chunks.push(0)
    for (let bit = 0; bit < 4; bit++) {
      const byte = Math.floor(offset / 2 ** (bit * 8)) & 0xff
      if (byte) {
        op |= 1 << bit
        this.chunks.push(byte)
      }
    }
    // A size of exactly 0x10000 is written with no size byte, as git does.
    const encoded = size === MAX_COPY ? 0 : size
    for (let bit = 0; bit < 3; bit++) {
      const byte = (encoded >> (bit * 8)) & 0xff
      if (byte) {
        op |= 1 << (4 + bit)
        this.chunks.push(byte)
      }
    }
    this.chunks[at] = op
  }
}

/**
 * The delta that turns `base` into `target`, or null when it would be longer
 * than `maxSize` (then the object is better stored whole). Stops early once
 * past `maxSize`, so a hopeless base costs little.
 */
export function createDelta(
  base: Uint8Array,
  target: Uint8Array,
  maxSize = Infinity,
): Buffer | null {
  const output = new DeltaOutput()
  output.varint(base.length)
  output.varint(target.length)
  if (base.length < BLOCK || target.length < BLOCK) {
    output.insert(target, 0, target.length)
    return output.length > maxSize ? null : output.bytes()
  }
  const index = indexBase(base)
  let pending = 0
  let at = 0
  let hash = blockHash(target, 0)
  while (at + BLOCK <= target.length) {
    let bestOffset = -1
    let bestLength = 0
    let chain = 0
    for (
      let block = index.heads[hash & index.mask]!;
      block >= 0 && chain < MAX_CHAIN;
      block = index.next[block]!, chain++
    ) {
      const offset = block * BLOCK
      let length = 0
      const limit = Math.min(base.length - offset, target.length - at)
      while (length < limit && base[offset + length] === target[at + length]) length++
      if (length > bestLength) {
        bestLength = length
        bestOffset = offset
      }
    }
    if (bestLength >= BLOCK) {
      // Stretch the copy backwards over bytes that were waiting to be inserted.
      let back = 0
      while (
        back < at - pending &&
        back < bestOffset &&
        base[bestOffset - back - 1] === target[at - back - 1]
      ) {
        back++
      }
      output.insert(target, pending, at - back)
      output.copy(bestOffset - back, bestLength + back)
      at += bestLength
      pending = at
      if (output.length > maxSize) return null
      if (at + BLOCK <= target.length) hash = blockHash(target, at)
      continue
    }
    if (at + BLOCK < target.length) {
      hash = (Math.imul(hash - Math.imul(target[at]!, OUTGOING), PRIME) + target[at + BLOCK]!) | 0
    }
    at++
    if (at - pending >= 4096 && output.length + (at - pending) > maxSize) return null
  }
  output.insert(target, pending, target.length)
  return output.length > maxSize ? null : output.bytes()
}

/** What the reader of a delta checks, beyond the delta fitting its base. */
export interface DeltaChecks {
  /** Told the result's declared size before it is allocated: may refuse (throw) or count it. */
  resultSize?: (bytes: number) => void
  /** Called when the delta does not fit its base; must throw (a plain Error by default). */
  corrupt?: (why: string) => never
}

/**
 * Applies a git delta: two sizes (base, result), then copy instructions (a
 * range of the base) and insert instructions (literal bytes). Every range is
 * checked and the result allocated once, at its declared size, after
 * `resultSize` has seen it — the one applier for packs read from disk and
 * from received files.
 */
export function applyDelta(base: Uint8Array, delta: Uint8Array, checks: DeltaChecks = {}): Buffer {
  const corrupt =
    checks.corrupt ??
    ((why: string): never => {
      throw new Error(`delta does not fit its base (${why})`)
    })
  let at = 0
  const size = (): number => {
    let value = 0
    let scale = 1
    let byte: number
    do {
      if (at >= delta.length) corrupt('delta header')
      byte = delta[at++]!
      value += (byte & 0x7f) * scale
      scale *= 128
      if (value > Number.MAX_SAFE_INTEGER) corrupt('delta size')
    } while (byte & 0x80)
    return value
  }
  if (size() !== base.length) corrupt('delta base size')
  const length = size()
  checks.resultSize?.(length)
  const out = Buffer.allocUnsafe(length)
  let written = 0
  while (at < delta.length) {
    const op = delta[at++]!
    if (op & 0x80) {
      let offset = 0
      let count = 0
      for (let bit = 0; bit < 4; bit++) {
        if (op & (1 << bit)) offset += (delta[at++] ?? corrupt('delta copy')) * 2 ** (8 * bit)
      }
      for (let bit = 0; bit < 3; bit++) {
        if (op & (16 << bit)) count += (delta[at++] ?? corrupt('delta copy')) * 2 ** (8 * bit)
      }
      if (count === 0) count = 0x10000
      if (offset + count > base.length || written + count > length) corrupt('delta copy range')
      out.set(base.subarray(offset, offset + count), written)
      written += count
    } else if (op > 0) {
      if (at + op > delta.length || written + op > length) corrupt('delta insert range')
      out.set(delta.subarray(at, at + op), written)
      at += op
      written += op
    } else {
      corrupt('delta opcode 0')
    }
  }
  if (written !== length) corrupt('delta result size')
  return out
}

/**
 * zlib's output buffer for an object known to inflate to `size` bytes. Its default
 * is 16 KB whatever the size: thousands of 2 KB pages each allocated (and the
 * collector freed) 16 KB, a third of a clone's time in reading its pack.
 */
export function inflateChunkSize(size: number): number {
  return Math.min(Math.max(size + 1, 64), 64 * 1024)
}
