import { createHash, randomBytes } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { TrashEntry } from '../../src-shared/api/types.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { unlessNotFound } from '../fs/not-found.js'

/** An entry's id: the time in base 36 then random hex; nothing else is ever looked up. */
export const TRASH_ID = /^[0-9a-z]{1,12}-[0-9a-f]{12}$/

const metaSchema = z
  .object({
    workspace: z.string(),
    path: z.string().min(1).max(4096),
    title: z.string().max(1000),
    deletedAt: z.string().max(64),
  })
  .strict()
type Meta = z.infer<typeof metaSchema>

const folderHash = (root: string) => createHash('sha1').update(root).digest('hex').slice(0, 20)

/**
 * Atelier's trash, in the app's data folder (never in the workspace, so it never shows up as a
 * change): one entry per deletion, `<id>.json` (the page's original path, title and date) and
 * `<id>.page` (its bytes, moved there). The description is written first, then the page moved:
 * a description without its page is a deletion cut short, skipped (the page is still in place).
 */
export class Trash {
  private readonly folder: string

  constructor(
    dataDir: string,
    private readonly workspaceRoot: string,
  ) {
    this.folder = path.join(dataDir, 'trash', folderHash(workspaceRoot))
  }

  /** Moves `absolute` (the workspace's `relative`) into the trash; returns the entry's id. */
  async put(absolute: string, relative: string, title: string): Promise<string> {
    await mkdir(this.folder, { recursive: true })
    const id = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`
    const meta: Meta = {
      workspace: this.workspaceRoot,
      path: relative,
      title,
      deletedAt: new Date().toISOString(),
    }
    await writeFileAtomic(this.file(id, 'json'), JSON.stringify(meta))
    try {
      await rename(absolute, this.file(id, 'page'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
        await rm(this.file(id, 'json'), { force: true })
        throw error
      }
      // The data folder on another disk: copy (atomically), then remove the original.
      await writeFileAtomic(this.file(id, 'page'), await readFile(absolute))
      await rm(absolute)
    }
    return id
  }

  /** This folder's entries, newest first; damaged or foreign ones are skipped, never fatal. */
  async list(): Promise<TrashEntry[]> {
    const names = (await unlessNotFound(readdir(this.folder))) ?? []
    const entries: TrashEntry[] = []
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : ''
      if (!TRASH_ID.test(id) || !names.includes(`${id}.page`)) continue
      const meta = await this.meta(id)
      if (meta && (await this.pageFile(id)))
        entries.push({ id, path: meta.path, title: meta.title, deletedAt: meta.deletedAt })
    }
    return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
  }

  /** An entry's original path and bytes; null when it is not there or damaged. */
  async read(id: string): Promise<{ path: string; bytes: Buffer } | null> {
    if (!TRASH_ID.test(id)) return null
    const meta = await this.meta(id)
    if (!meta) return null
    if (!(await this.pageFile(id))) return null
    const bytes = await unlessNotFound(readFile(this.file(id, 'page')))
    return bytes ? { path: meta.path, bytes } : null
  }

  /** Forgets an entry (once its page is back). */
  async drop(id: string): Promise<void> {
    if (!TRASH_ID.test(id)) return
    await rm(this.file(id, 'page'), { force: true })
    await rm(this.file(id, 'json'), { force: true })
  }

  /** Only a plain file: a link planted there would bring another file into the workspace. */
  private async pageFile(id: string): Promise<boolean> {
    return (await unlessNotFound(lstat(this.file(id, 'page'))))?.isFile() ?? false
  }

  private async meta(id: string): Promise<Meta | null> {
    try {
      const text = await readFile(this.file(id, 'json'), 'utf8')
      const meta = metaSchema.parse(JSON.parse(text))
      return meta.workspace === this.workspaceRoot ? meta : null
    } catch {
      // Half-written, foreign or hostile: not an entry.
      return null
    }
  }

  private file(id: string, kind: 'json' | 'page'): string {
    return path.join(this.folder, `${id}.${kind}`)
  }
}
