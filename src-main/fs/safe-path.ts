import { realpathSync, statSync } from 'node:fs'
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { unlessNotFound } from './not-found.js'

declare const checked: unique symbol

/**
 * An absolute path that went through the gate: inside its root, through no
 * symlink leaving it, never into `.git`. Only the resolvers below produce one,
 * so a function taking a `WorkspacePath` shows in its type that its caller
 * checked the path; it is still a string for `fs`.
 */
export type WorkspacePath = string & { readonly [checked]: true }

export interface GateOptions {
  /**
   * Folders never to enter whatever they are named: the repository's gitdir
   * (the workspace may be nested in a repository, or `.git` may be a file
   * pointing elsewhere).
   */
  forbidden?: readonly string[]
}

/**
 * The one gate for a path sent from outside (the renderer, a page, a bundle):
 * resolves it inside `root` or refuses it.
 *
 * Refused with `outside-workspace`: NUL bytes, absolute paths (POSIX, Windows
 * drive, drive-relative or UNC), `..` that climbs out, and any path whose
 * existing part — the final component included, even a dangling symlink — is
 * a symlink leading outside. Refused with `git-folder`: any component naming
 * git's folder (see `isGitFolderName`), before or after following symlinks.
 * The result is `root` joined with the normalised path, safe to hand to `fs`.
 */
export async function resolveInside(
  root: string,
  relative: string,
  options: GateOptions = {},
): Promise<WorkspacePath> {
  const { base, normalised } = lexicalCheck(root, relative)
  const realRoot = await realpath(base)
  const real = await realpathOfExistingPart(path.join(realRoot, normalised))
  if (real === null) throw new AtelierError('outside-workspace', relative)
  checkReal(realRoot, real, relative, await realForbidden(options))
  return path.join(base, normalised) as WorkspacePath
}

/**
 * The same gate, synchronously, for a file that must exist (`include_relative`,
 * read while Liquid renders synchronously). Refuses what `resolveInside` does,
 * and a path that is missing or not a file (`not-found`).
 */
export function resolveExistingFileSync(root: string, relative: string): WorkspacePath {
  const { base, normalised } = lexicalCheck(root, relative)
  let realRoot: string
  let real: string
  try {
    realRoot = realpathSync(base)
    real = realpathSync(path.join(base, normalised))
  } catch {
    throw new AtelierError('not-found', relative)
  }
  checkReal(realRoot, real, relative, [])
  if (!statSync(real).isFile()) throw new AtelierError('not-found', relative)
  return path.join(base, normalised) as WorkspacePath
}

/** True when `candidate` is `root` itself or below it. */
export function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))
}

/**
 * True when `target` (a file or folder to write or read that the user named:
 * an export folder, a contribution file) is `root` or inside it, symlinks
 * followed on both sides — even through a link, Atelier never writes the
 * guide's output into the guide.
 */
export async function isInsideFolder(root: string, target: string): Promise<boolean> {
  const [realTarget, realRoot] = await Promise.all([
    realpathOfExistingPart(target),
    realpathOfExistingPart(root),
  ])
  return isWithin(realRoot ?? root, realTarget ?? target)
}

/** What HFS+ leaves out when it compares names: joiners, direction marks, the BOM. */
const HFS_IGNORED = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g

/** Workspace-relative path with forward slashes, as the contract carries it. */
export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/')
}

/**
 * A component git's own folder answers to. Windows drops trailing dots and
 * spaces (`.git.`, `.git `), NTFS reaches a folder through a stream suffix
 * (`.git::$INDEX_ALLOCATION`) and its 8.3 short name (`GIT~1`), and both
 * Windows and macOS ignore case, and HFS+ ignores some invisible code points
 * (`.g\u200cit`) — git refuses the same names (`is_ntfs_dotgit`, `is_hfs_dotgit`).
 */
export function isGitFolderName(component: string): boolean {
  const name = component
    .replace(HFS_IGNORED, '')
    .toLowerCase()
    .replace(/:.*$/, '')
    .replace(/[. ]+$/, '')
  return name === '.git' || name === 'git~1'
}

/**
 * The gate's checks that need no disk (NUL, absolute, climbing out, git's folder by any
 * name): returns the root and the path normalised below it. For callers that then walk
 * the disk themselves (`git/move-work-tree.ts`, whose paths may cross a file being removed).
 */
export function lexicalCheck(root: string, relative: string): { base: string; normalised: string } {
  if (relative.includes('\0')) throw new AtelierError('outside-workspace', relative)
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    throw new AtelierError('outside-workspace', relative)
  }
  const base = path.resolve(root)
  const normalised = path.posix.normalize(relative.replaceAll('\\', '/'))
  if (normalised === '..' || normalised.startsWith('../')) {
    throw new AtelierError('outside-workspace', relative)
  }
  // Both the words as sent and the path they lead to: `sub/../.git/x` is `.git/x`.
  if ([...relative.split(/[/\\]/), ...normalised.split('/')].some(isGitFolderName)) {
    throw new AtelierError('git-folder', relative)
  }
  return { base, normalised: normalised === '.' ? '' : normalised.replace(/\/+$/, '') }
}

/** Checks on the path once symlinks are followed. */
function checkReal(
  realRoot: string,
  real: string,
  relative: string,
  forbidden: readonly string[],
): void {
  if (!isWithin(realRoot, real)) throw new AtelierError('outside-workspace', relative)
  const inside = path.relative(realRoot, real)
  if (inside.split(path.sep).some(isGitFolderName)) throw new AtelierError('git-folder', relative)
  if (forbidden.some((folder) => isWithin(folder, real))) {
    throw new AtelierError('git-folder', relative)
  }
}

async function realForbidden(options: GateOptions): Promise<string[]> {
  const folders = options.forbidden ?? []
  const real = await Promise.all(folders.map((folder) => realpathOfExistingPart(folder)))
  return real.map((folder, at) => folder ?? path.resolve(folders[at]!))
}

/**
 * The real path of `target`: symlinks followed on the part that exists today,
 * the missing rest appended. Null for a dangling symlink, which counts as
 * leaving: writing through it would create its target, wherever that is.
 */
export async function realpathOfExistingPart(target: string): Promise<string | null> {
  const missing: string[] = []
  let current = target
  for (;;) {
    try {
      const real = await realpath(current)
      return path.join(real, ...missing.reverse())
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const link = await unlessNotFound(lstat(current))
      if (link?.isSymbolicLink()) return null
      const parent = path.dirname(current)
      if (parent === current) return target
      missing.push(path.basename(current))
      current = parent
    }
  }
}
