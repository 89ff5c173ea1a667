import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { writeAtomically } from './git-fs.js'
import { objectFile } from './object-errors.js'
import type { ObjectStore, ObjectType } from './object-store.js'

/** Git's id of an object: sha1 of `<type> <size>\0<content>`. */
export function objectId(type: ObjectType, content: Uint8Array): string {
  return createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex')
}

/**
 * Stores one object as a loose file, as git does (zlib of header and
 * content), unless the repository already has it loose or packed: a folder
 * that did not change keeps its tree, and nothing is rewritten or flushed
 * for it. The file is written whole or not at all (`writeAtomically`).
 */
export async function writeObject(
  gitdir: string,
  objects: ObjectStore,
  type: ObjectType,
  content: Uint8Array,
): Promise<string> {
  const oid = objectId(type, content)
  if (objects.has(oid)) return oid
  const file = objectFile(gitdir, oid)
  await mkdir(path.dirname(file), { recursive: true })
  const header = Buffer.from(`${type} ${content.length}\0`, 'latin1')
  await writeAtomically(file, deflateSync(Buffer.concat([header, content])))
  return oid
}
