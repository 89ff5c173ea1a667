import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'

/**
 * Resolves a path sent by the renderer inside the workspace root, or refuses it.
 *
 * Refused: absolute paths (POSIX, Windows drive or UNC), `..` that climbs out,
 * NUL bytes, and any path whose nearest existing ancestor is a symlink leading
 * outside the root. The returned path is absolute and safe to hand to `fs`.
 */
export async function resolveInside(root: string, relative: string): Promise<string> {
  if (relative.includes('\0')) throw new AtelierError('outside-workspace', relative)
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new AtelierError('outside-workspace', relative)
  }
  const realRoot = await realpath(root)
  const target = path.resolve(realRoot, relative.replaceAll('\\', '/'))
  if (!isWithin(realRoot, target)) throw new AtelierError('outside-workspace', relative)

  // Follow symlinks on the part of the path that exists today.
  const realTarget = await realpathOfExistingPart(target)
  if (!isWithin(realRoot, realTarget)) throw new AtelierError('outside-workspace', relative)
  return target
}

/** True when `candidate` is `root` itself or below it. */
export function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** Workspace-relative path with forward slashes, as the contract carries it. */
export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/')
}

async function realpathOfExistingPart(target: string): Promise<string> {
  const missing: string[] = []
  let current = target
  for (;;) {
    try {
      const real = await realpath(current)
      return path.join(real, ...missing.reverse())
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const parent = path.dirname(current)
      if (parent === current) return target
      missing.push(path.basename(current))
      current = parent
    }
  }
}
