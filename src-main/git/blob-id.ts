import { createHash } from 'node:crypto'
import { lstatSync, readFileSync, readlinkSync } from 'node:fs'

/** Git's object id for these bytes stored as a blob: sha1 of `blob <size>\0<bytes>`. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/**
 * The blob id a file in the work tree would get, exactly as git computes it:
 * bytes as they are (no line-ending conversion, which isomorphic-git does not
 * do either), the link's target for a symbolic link.
 */
export function workTreeBlobId(file: string): string {
  const info = lstatSync(file)
  if (info.isSymbolicLink()) return blobId(Buffer.from(readlinkSync(file), 'utf8'))
  return blobId(readFileSync(file))
}
