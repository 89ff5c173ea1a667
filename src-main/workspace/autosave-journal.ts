import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { JournalEntry } from '../../src-shared/api/types.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { unlessNotFound } from '../fs/not-found.js'

const entrySchema = z.object({
  path: z.string(),
  text: z.string(),
  savedAt: z.string(),
  base: z.string().optional(),
})

const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 20)

/**
 * Unsaved editor text, kept in the app's data folder (never in the workspace,
 * so it never shows up as a change to review). Written a moment after each
 * edit and removed once the page is saved: what is left after a crash is
 * offered back at the next start.
 */
export class AutosaveJournal {
  private readonly folder: string

  constructor(dataDir: string, workspaceRoot: string) {
    this.folder = path.join(dataDir, 'journal', hash(workspaceRoot))
  }

  /** `base`: the hash of the version the text was based on, so a restore can be conditional. */
  async record(page: string, text: string, base?: string): Promise<void> {
    await mkdir(this.folder, { recursive: true })
    const entry: JournalEntry = { path: page, text, savedAt: new Date().toISOString() }
    if (base !== undefined) entry.base = base
    await writeFileAtomic(this.fileFor(page), JSON.stringify(entry))
  }

  async discard(page: string): Promise<void> {
    await rm(this.fileFor(page), { force: true })
  }

  /** Entries left behind, oldest first; damaged ones are skipped, not fatal. */
  async list(): Promise<JournalEntry[]> {
    // No folder yet: nothing was ever journaled.
    const names = (await unlessNotFound(readdir(this.folder))) ?? []
    const entries: JournalEntry[] = []
    for (const name of names.filter((file) => file.endsWith('.json'))) {
      try {
        entries.push(
          entrySchema.parse(JSON.parse(await readFile(path.join(this.folder, name), 'utf8'))),
        )
      } catch {
        // A half-written or foreign file: ignore it.
      }
    }
    return entries.sort((a, b) => a.savedAt.localeCompare(b.savedAt))
  }

  private fileFor(page: string): string {
    return path.join(this.folder, `${hash(page)}.json`)
  }
}
