import path from 'node:path'
import { guideName } from '../../src-shared/sync/guide-name.js'

/**
 * The folder a guide is copied into: a new one, named after the repository,
 * inside the folder the user chose, as `git clone <url>` does.
 */
export function cloneTarget(parent: string, url: string): string {
  return path.join(path.resolve(parent), guideName(url))
}
