import { cp, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { ATELIER_AUTHOR } from '../git/author.js'
import { initRepository } from '../git/init-repository.js'
import { exists } from '../fs/not-found.js'
import { builtinThemeDir } from '../paths.js'

/** Folder name of the user's own copy, inside the app's data folder. */
export const STARTER_FOLDER = 'guide-gouvernement-ouvert'

/**
 * Gives the user their own copy of the bundled starter playbook, as a git
 * repository with one first version. The built-in theme's files (layouts,
 * includes, styles, fonts) are copied in too, so the copy is a whole Jekyll
 * site that `jekyll build` publishes as the preview shows it, and that its
 * maintainers may restyle. Copies into a temporary folder and
 * renames, so an interrupted first launch never leaves half a playbook.
 * Returns the existing copy untouched on later launches.
 */
export async function ensureStarterPlaybook(
  bundled: string,
  dataDir: string,
  theme = builtinThemeDir,
): Promise<string> {
  const target = path.join(dataDir, STARTER_FOLDER)
  if (await exists(target)) return target
  await mkdir(dataDir, { recursive: true })
  const temp = `${target}.partial-${process.pid}`
  await rm(temp, { recursive: true, force: true })
  await cp(theme, temp, { recursive: true })
  await cp(bundled, temp, { recursive: true })
  await initRepository(temp, 'Guide de départ fourni avec Atelier', ATELIER_AUTHOR)
  await rename(temp, target)
  return target
}
