import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ABSENT } from '../../src-shared/api/content-base.js'
import { asideName, contentHash, writeFileIfUnchanged } from './conditional-write.js'
import { unlessNotFound } from './not-found.js'

/** One file of a group: `before` null = must not exist yet; `after` null = removed. */
export interface GroupWrite {
  /** Absolute path, already through the gate. */
  file: string
  before: string | null
  after: string | null
}

export type GroupOutcome = { kind: 'written' } | { kind: 'changed'; file: string }

/**
 * Writes files that belong together (a page renamed and every link to it) all or nothing:
 * each only over the text it was planned from. Every file is compared first, so the common
 * refusal writes nothing; a file another program changes during the writes stops them, and
 * the files already written get their planned-from text back (each again only over ours).
 */
export async function writeGroupIfUnchanged(writes: readonly GroupWrite[]): Promise<GroupOutcome> {
  for (const write of writes) {
    const current = await unlessNotFound(readFile(write.file, 'utf8'))
    if (current !== write.before) return { kind: 'changed', file: write.file }
  }
  const done: GroupWrite[] = []
  for (const write of writes) {
    if (!(await step(write))) {
      for (const undo of done.reverse())
        await step({ file: undo.file, before: undo.after, after: undo.before }).catch(() => false)
      return { kind: 'changed', file: write.file }
    }
    done.push(write)
  }
  return { kind: 'written' }
}

/** One conditional write or removal; false when the file was not as planned. */
async function step(write: GroupWrite): Promise<boolean> {
  const base = write.before === null ? ABSENT : contentHash(write.before)
  if (write.after !== null) {
    await mkdir(path.dirname(write.file), { recursive: true })
    return (await writeFileIfUnchanged(write.file, write.after, base)).kind === 'written'
  }
  if (write.before === null) return (await unlessNotFound(readFile(write.file))) === null
  return removeIfUnchanged(write.file, base)
}

/** Removes a file only if it still holds `base`: moved aside first, so no write in between is lost. */
async function removeIfUnchanged(file: string, base: string): Promise<boolean> {
  const aside = asideName(file)
  try {
    await rename(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  const bytes = await readFile(aside)
  if (contentHash(bytes) === base) {
    await rm(aside, { force: true })
    return true
  }
  // Another program's version: back in place unless a newer file is there already.
  if ((await unlessNotFound(readFile(file))) === null) await writeFile(file, bytes, { flag: 'wx' })
  await rm(aside, { force: true })
  return false
}
