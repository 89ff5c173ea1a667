import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'

/**
 * A version 2 pack index (`.idx`, see `Documentation/gitformat-pack.txt`) for
 * a pack already checked by `readPack`: what `git index-pack` would write, so
 * a complete received pack can be stored as it came — one file and its index
 * — instead of thousands of loose objects. `entries` are in pack order.
 */
export function packIndex(pack: Buffer, entries: { oid: string; offset: number }[]): Buffer {
  const end = pack.length - 20
  // Offsets above 2^31 need the 8-byte table; received files are far below (see bundle-limits).
  if (end >= 0x80000000) throw new Error('pack too large for 4-byte offsets')
  const rows = entries.map((entry, i) => ({
    oid: Buffer.from(entry.oid, 'hex'),
    offset: entry.offset,
    crc: crc32(pack.subarray(entry.offset, entries[i + 1]?.offset ?? end)),
  }))
  rows.sort((a, b) => Buffer.compare(a.oid, b.oid))
  const n = rows.length
  const out = Buffer.alloc(8 + 256 * 4 + n * 28 + 40)
  out.writeUInt32BE(0xff744f63, 0)
  out.writeUInt32BE(2, 4)
  const fanout = new Array<number>(256).fill(0)
  for (const row of rows) fanout[row.oid[0]!]!++
  let total = 0
  for (let byte = 0; byte < 256; byte++) {
    total += fanout[byte]!
    out.writeUInt32BE(total, 8 + byte * 4)
  }
  const ids = 8 + 1024
  const crcs = ids + n * 20
  const offsets = crcs + n * 4
  rows.forEach((row, i) => {
    row.oid.copy(out, ids + i * 20)
    out.writeUInt32BE(row.crc >>> 0, crcs + i * 4)
    out.writeUInt32BE(row.offset, offsets + i * 4)
  })
  pack.copy(out, offsets + n * 4, end)
  createHash('sha1')
    .update(out.subarray(0, out.length - 20))
    .digest()
    .copy(out, out.length - 20)
  return out
}
