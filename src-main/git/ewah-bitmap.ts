/**
 * The positions set in a bitmap stored in git's EWAH format (the split
 * index's "delete" and "replace" bitmaps). Layout, all big-endian: bit
 * count (u32), word count (u32), the 64-bit words, the last run-length
 * word's position (u32). Each run-length word holds a running bit (bit 0),
 * a run length in 64-bit words (bits 1–32) and a count of literal words that
 * follow it (bits 33–63); literal words are read from their lowest bit.
 *
 * Returns null when the bytes are not a whole bitmap, and the byte count read.
 */
export function readEwahBitmap(
  bytes: Buffer,
  start: number,
): { positions: number[]; length: number } | null {
  if (start + 8 > bytes.length) return null
  const bitCount = bytes.readUInt32BE(start)
  const wordCount = bytes.readUInt32BE(start + 4)
  const wordsStart = start + 8
  const end = wordsStart + wordCount * 8 + 4
  if (end > bytes.length) return null
  const positions: number[] = []
  let position = 0
  let pointer = 0
  const word = (index: number): bigint => bytes.readBigUInt64BE(wordsStart + index * 8)
  while (pointer < wordCount) {
    const marker = word(pointer)
    const runningBit = (marker & 1n) === 1n
    const runLength = Number((marker >> 1n) & 0xffffffffn)
    const literals = Number(marker >> 33n)
    if (runningBit) for (let k = 0; k < runLength * 64; k++) positions.push(position + k)
    position += runLength * 64
    for (let k = 0; k < literals; k++) {
      pointer++
      if (pointer >= wordCount) return null
      const literal = word(pointer)
      for (let bit = 0; bit < 64; bit++) {
        if ((literal >> BigInt(bit)) & 1n) positions.push(position + bit)
      }
      position += 64
    }
    pointer++
  }
  return { positions: positions.filter((p) => p < bitCount), length: end - start }
}
