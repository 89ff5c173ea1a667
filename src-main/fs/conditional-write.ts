import { createHash, randomBytes } from 'node:crypto'
import { copyFile, constants, link, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { ABSENT, type ContentBase } from '../../src-shared/api/content-base.js'
import { writeTempBeside } from './atomic-write.js'

/**
 * Where a file is moved aside while a conditional write checks it. The name
 * says whose copy it is (`target`'s) so that, after a crash in the instant the
 * page is away, `restoreSetAside` can put it back; the `.atelier-tmp` ending
 * keeps it out of the watcher and the page index.
 */
const ASIDE = /^\.(.+)\.[0-9a-f]{12}\.aside\.atelier-tmp$/

export function asideName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.aside.atelier-tmp`,
  )
}

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
    const aside = asideName(target)
    try {
      await rename(target, aside)
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return changed // deleted meanwhile: a change too
      throw error
    }
    try {
      return await replaceSetAside(target, aside, temp, base, written)
    } catch (error) {
      // A failed step (disk full, a link refused) must not leave the page away.
      if (await placeIfFree(aside, target).catch(() => false)) await rm(aside, { force: true })
      throw error
    }
  } finally {
    await rm(temp, { force: true })
  }
}

/** The steps once the current file is at `aside`: compare it, put ours in place, check again. */
async function replaceSetAside(
  target: string,
  aside: string,
  temp: string,
  base: ContentBase,
  written: ConditionalWrite,
): Promise<ConditionalWrite> {
  const changed: ConditionalWrite = { kind: 'changed' }
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
}

/** Folders no page lives in: never walked when looking for files set aside. */
const SKIPPED = new Set(['.git', 'node_modules', '_site', '.jekyll-cache', '.sass-cache'])

/**
 * Puts back, below `root`, every file a conditional write had moved aside
 * when the program stopped (a crash or a power cut in that instant), unless
 * its place has been taken since. Returns the workspace paths put back.
 */
export async function restoreSetAside(root: string): Promise<string[]> {
  const restored: string[] = []
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await visit(full)
        continue
      }
      const match = entry.isFile() ? ASIDE.exec(entry.name) : null
      if (!match?.[1]) continue
      const target = path.join(folder, match[1])
      if (await placeIfFree(full, target).catch(() => false)) {
        await rm(full, { force: true })
        restored.push(path.relative(root, target).split(path.sep).join('/'))
      }
    }
  }
  await visit(root)
  return restored
}
