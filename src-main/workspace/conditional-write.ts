import { createHash } from 'node:crypto'
import { copyFile, constants, link, readFile, rename, rm } from 'node:fs/promises'
import { ABSENT, type ContentBase } from '../../src-shared/api/content-base.js'
import { besideName, writeTempBeside } from './atomic-write.js'

/** The version of a file's bytes that a save is based on: sha256, hex. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export type ConditionalWrite = { kind: 'written'; hash: string } | { kind: 'changed' }

const hasCode = (error: unknown, code: string): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === code

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return null
    throw error
  }
}

function matches(bytes: Buffer | null, base: ContentBase): boolean {
  return base === ABSENT ? bytes === null : bytes !== null && contentHash(bytes) === base
}

/**
 * Puts `source` at `target` only if nothing is there: false when another file
 * appeared meanwhile. A hard link is all-or-nothing; where the disk has none
 * (FAT-formatted USB keys), an exclusive copy.
 */
async function placeIfFree(source: string, target: string): Promise<boolean> {
  try {
    await link(source, target)
    return true
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false
    if (hasCode(error, 'ENOENT')) throw error
  }
  try {
    await copyFile(source, target, constants.COPYFILE_EXCL)
    return true
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false
    throw error
  }
}

/**
 * Writes `data` to `target` only if the file still holds the version `base`
 * (its hash, or `absent` for a file that must not exist yet): another
 * program's write is never replaced.
 *
 * Comparing and then renaming would leave a gap in which another program's
 * write is lost. Instead the current file is moved aside (one atomic rename),
 * the bytes moved aside are the ones compared, and the new file is linked
 * into a place that must still be empty — so a file another program writes
 * by renaming (most editors, git) makes our step fail rather than vanish. A
 * program that writes in place into a file it opened before the move writes
 * into the moved-aside copy: it is compared once more after our file is in
 * place, and put back if it changed. On refusal, whatever another program
 * wrote is at `target`.
 */
export async function writeFileIfUnchanged(
  target: string,
  data: string | Uint8Array,
  base: ContentBase,
): Promise<ConditionalWrite> {
  const changed: ConditionalWrite = { kind: 'changed' }
  // The common refusal, before writing anything.
  if (!matches(await readIfPresent(target), base)) return changed
  const temp = await writeTempBeside(target, data)
  try {
    const written: ConditionalWrite = { kind: 'written', hash: contentHash(data) }
    if (base === ABSENT) return (await placeIfFree(temp, target)) ? written : changed
    const aside = besideName(target)
    try {
      await rename(target, aside)
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return changed // deleted meanwhile: a change too
      throw error
    }
    if (!matches(await readFile(aside), base)) {
      // Someone else's version: back in place, unless an even newer one is there already.
      await placeIfFree(aside, target)
      await rm(aside, { force: true })
      return changed
    }
    if (!(await placeIfFree(temp, target))) {
      await rm(aside, { force: true })
      return changed
    }
    if (!matches(await readFile(aside), base)) {
      await rename(aside, target)
      return changed
    }
    await rm(aside, { force: true })
    return written
  } finally {
    await rm(temp, { force: true })
  }
}
