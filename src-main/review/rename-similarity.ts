/**
 * How similar two blobs are, measured as native git measures it for rename
 * detection (`diffcore-delta.c`): each blob is cut into chunks ending at a
 * newline or after 64 bytes, chunks are hashed, and the score is how many
 * bytes of the destination's chunks also appear in the source, over the
 * larger size. Reproducing git's arithmetic (not a "better" measure) is the
 * point: a reviewer's list of changed pages must be the one `git diff` prints.
 */

/** git's MAX_SCORE: a score is a fraction of this. */
export const MAX_SCORE = 60000
/** `-M` without a number: 50 %. */
export const DEFAULT_RENAME_SCORE = 30000

const HASH_BASE = 107927
const CHUNK = 64
/** git looks for a NUL byte in the first 8000 bytes to call a blob binary. */
const BINARY_PROBE = 8000

/** A blob's chunk table: bytes counted per chunk hash. */
export type SpanCounts = Map<number, number>

export function isBinaryBlob(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE).includes(0)
}

export function spanCounts(bytes: Uint8Array): SpanCounts {
  const counts: SpanCounts = new Map()
  const text = !isBinaryBlob(bytes)
  let accum1 = 0
  let accum2 = 0
  let n = 0
  const add = () => {
    // Unsigned 32-bit arithmetic, as git's `unsigned int`.
    const hash = ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASH_BASE
    counts.set(hash, (counts.get(hash) ?? 0) + n)
    n = 0
    accum1 = 0
    accum2 = 0
  }
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!
    // A CR before LF does not count in text, so CRLF and LF files match.
    if (text && c === 0x0d && i + 1 < bytes.length && bytes[i + 1] === 0x0a) continue
    const old1 = accum1
    accum1 = (((accum1 << 7) ^ (accum2 >>> 25)) >>> 0) + c
    accum1 >>>= 0
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0
    n++
    if (n < CHUNK && c !== 0x0a) continue
    add()
  }
  // The git installed here (2.39) drops a last chunk that ends without a newline
  // (later git counts it); the differential test pins whichever git runs it.
  return counts
}

/** Bytes of the destination found in the source (git's `src_copied`). */
export function copiedBytes(source: SpanCounts, destination: SpanCounts): number {
  let copied = 0
  for (const [hash, count] of destination) {
    const available = source.get(hash)
    if (available !== undefined) copied += Math.min(available, count)
  }
  return copied
}

/**
 * git's `estimate_similarity` between regular files of these sizes; the
 * span tables are only computed when the sizes alone do not rule a pair out.
 */
export function similarity(
  sourceSize: number,
  destinationSize: number,
  spans: () => { source: SpanCounts; destination: SpanCounts },
  minimumScore = DEFAULT_RENAME_SCORE,
): number {
  const maxSize = Math.max(sourceSize, destinationSize)
  const baseSize = Math.min(sourceSize, destinationSize)
  const deltaSize = maxSize - baseSize
  if (maxSize * (MAX_SCORE - minimumScore) < deltaSize * MAX_SCORE) return 0
  if (destinationSize === 0) return 0
  const { source, destination } = spans()
  return Math.floor((copiedBytes(source, destination) * MAX_SCORE) / maxSize)
}
