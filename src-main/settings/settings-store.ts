import { mkdir, readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { Author, Language, Settings } from '../../src-shared/api/types.js'
import { writeFileAtomic } from '../fs/atomic-write.js'

/** Window position and size, remembered between launches. */
const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>

const storedSchema = z.object({
  language: z.enum(['fr', 'en']).default('fr'),
  autosave: z.boolean().default(true),
  lastWorkspace: z.string().nullable().default(null),
  recentWorkspaces: z.array(z.string()).default([]),
  window: windowStateSchema.nullable().default(null),
  /**
   * Name and e-mail written into versions. Kept here, in the user's own
   * settings, rather than in each repository: they belong to the person, who
   * gives them once for every playbook they work on.
   */
  author: z
    .object({ name: z.string().min(1), email: z.string() })
    .nullable()
    .default(null),
  /** The tabs open in each folder (by its root) when the app last closed, to open them again. */
  openTabs: z
    .record(z.string(), z.object({ tabs: z.array(z.string()), active: z.string().nullable() }))
    .default({}),
})
export type StoredSettings = z.infer<typeof storedSchema>

export interface OpenTabs {
  tabs: string[]
  active: string | null
}

const MAX_RECENT = 8
export const SETTINGS_FILE = 'settings.json'

/**
 * The app's own settings (not the workspace's), as one JSON file in the data
 * folder. A damaged file is set aside as `settings.json.broken` and defaults
 * are used: a bad settings file must never stop the app from starting.
 */
export class SettingsStore {
  private constructor(
    private readonly file: string,
    private data: StoredSettings,
  ) {}

  static async load(dataDir: string): Promise<SettingsStore> {
    const file = path.join(dataDir, SETTINGS_FILE)
    await mkdir(dataDir, { recursive: true })
    let raw: string
    try {
      raw = await readFile(file, 'utf8')
    } catch {
      return new SettingsStore(file, storedSchema.parse({}))
    }
    try {
      return new SettingsStore(file, storedSchema.parse(JSON.parse(raw)))
    } catch {
      await rename(file, `${file}.broken`).catch(() => undefined)
      return new SettingsStore(file, storedSchema.parse({}))
    }
  }

  /** The app's data folder, where this file and the page-index caches live. */
  get dataDir(): string {
    return path.dirname(this.file)
  }

  get(): Readonly<StoredSettings> {
    return this.data
  }

  publicSettings(): Settings {
    return {
      language: this.data.language,
      autosave: this.data.autosave,
      author: this.data.author,
      recentWorkspaces: [...this.data.recentWorkspaces],
    }
  }

  async setLanguage(language: Language): Promise<void> {
    await this.update({ language })
  }

  async setAutosave(autosave: boolean): Promise<void> {
    await this.update({ autosave })
  }

  async setAuthor(author: Author): Promise<void> {
    await this.update({ author: { name: author.name.trim(), email: author.email.trim() } })
  }

  async rememberWorkspace(root: string): Promise<void> {
    const recent = [root, ...this.data.recentWorkspaces.filter((item) => item !== root)]
    await this.update({ lastWorkspace: root, recentWorkspaces: recent.slice(0, MAX_RECENT) })
  }

  async setWindowState(window: WindowState): Promise<void> {
    await this.update({ window: windowStateSchema.parse(window) })
  }

  openTabsOf(root: string): OpenTabs {
    return this.data.openTabs[root] ?? { tabs: [], active: null }
  }

  async setOpenTabs(root: string, open: OpenTabs): Promise<void> {
    await this.update({ openTabs: { ...this.data.openTabs, [root]: open } })
  }

  private async update(patch: Partial<StoredSettings>): Promise<void> {
    this.data = { ...this.data, ...patch }
    await writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`)
  }
}
