import fs from 'node:fs'
import { chmod, lstat, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'

/**
 * `git init`: an empty repository in `dir` on `branch`, with the core settings
 * native git would write after probing this disk. isomorphic-git writes
 * `filemode = false`, `symlinks = false` and `ignorecase = true` everywhere, so
 * native git on Linux would then ignore executable bits, write links as plain
 * files, and take `Index.md` and `index.md` for one file.
 */
export async function createRepository(dir: string, branch: string): Promise<void> {
  await git.init({ fs, dir, defaultBranch: branch })
  const gitdir = path.join(dir, '.git')
  const set = (key: string, value: boolean | undefined) =>
    git.setConfig({ fs, gitdir, path: `core.${key}`, value })
  await set('filemode', await keepsExecutableBit(gitdir))
  // Git writes these two only when the disk lacks links or tells no case apart.
  await set('symlinks', (await makesLinks(gitdir)) ? undefined : false)
  await set('ignorecase', (await ignoresCase(gitdir)) ? true : undefined)
}

/** As git's init: the config file's executable bit, flipped, is seen flipped. */
async function keepsExecutableBit(gitdir: string): Promise<boolean> {
  const probe = path.join(gitdir, 'config')
  const before = (await stat(probe)).mode
  try {
    await chmod(probe, before ^ 0o100)
    return ((await stat(probe)).mode & 0o100) !== (before & 0o100)
  } catch {
    return false
  } finally {
    await chmod(probe, before).catch(() => undefined)
  }
}

async function makesLinks(gitdir: string): Promise<boolean> {
  const probe = path.join(gitdir, 'tXXXXXX')
  try {
    await symlink('testing', probe)
    return (await lstat(probe)).isSymbolicLink()
  } catch {
    return false
  } finally {
    await rm(probe, { force: true })
  }
}

/** As git's init: a file named in one case is found by the other. */
async function ignoresCase(gitdir: string): Promise<boolean> {
  const probe = path.join(gitdir, 'CoNfIg.probe')
  try {
    await writeFile(probe, '')
    return (await lstat(path.join(gitdir, 'config.PROBE')).catch(() => null)) !== null
  } finally {
    await rm(probe, { force: true })
  }
}
