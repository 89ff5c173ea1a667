import path from 'node:path'
import { isWithin, lexicalCheck } from '../fs/safe-path.js'

/**
 * Whether a path named by a version's tree may be written into the work tree
 * as it is, by the gate's own lexical checks: inside the workspace, outside
 * git's folder, written as git names it (no `a//b`, no `./`, no backslash,
 * which Windows reads as a separator). Links on the way are the caller's to
 * judge: only it knows whether the folders exist yet.
 */
export function isPlainTreePath(root: string, gitdir: string, file: string): boolean {
  if (file.includes('\\')) return false
  try {
    if (lexicalCheck(root, file).normalised !== file) return false
  } catch {
    return false
  }
  return !isWithin(gitdir, path.join(root, file))
}
