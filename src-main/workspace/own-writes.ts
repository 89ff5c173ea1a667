import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { contentHash } from '../fs/conditional-write.js'
import { unlessNotFound } from '../fs/not-found.js'

/**
 * What this program last left at each path it wrote or removed, so that the watcher's report
 * of our own write (its echo) is recognised and dropped: every listener already heard of the
 * change when the write was made. No clock is involved: a path whose bytes are exactly what we
 * left carries no news, however late its event arrives; one that differs is news, and from then
 * on the path is another program's until we write it again.
 */
export class OwnWrites {
  /** Workspace path → sha256 of the bytes we wrote, or null when we removed the file. */
  private readonly left = new Map<string, string | null>()

  constructor(private readonly root: string) {}

  /** Before writing (so that no event can come first): the bytes about to be at `file`. */
  wrote(file: string, hash: string): void {
    this.left.set(file, hash)
  }

  removed(file: string): void {
    this.left.set(file, null)
  }

  /** The paths of a watcher batch that are not as this program left them. */
  async news(paths: readonly string[]): Promise<string[]> {
    const news: string[] = []
    for (const file of paths) {
      const expected = this.left.get(file)
      if (expected === undefined) {
        news.push(file)
        continue
      }
      if ((await this.hashAt(file)) === expected) continue
      this.left.delete(file)
      news.push(file)
    }
    return news
  }

  /** The hash of the bytes at `file`, null when none; undefined when unreadable (a folder now). */
  private async hashAt(file: string): Promise<string | null | undefined> {
    try {
      const bytes = await unlessNotFound(readFile(path.join(this.root, file)))
      return bytes === null ? null : contentHash(bytes)
    } catch {
      return undefined
    }
  }
}
