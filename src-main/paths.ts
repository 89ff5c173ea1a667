import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'

/** The project folder when running from sources (CLI, host, tests, `electron-vite` dev). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The starter playbook shipped with the sources. Packaged apps pass their own copy's path. */
export const bundledStarterPlaybook = path.join(projectRoot, 'resources', 'starter-playbook')

/**
 * The built-in playbook theme (layouts, includes, styles, local fonts): beside
 * the packaged app's resources, else in the sources.
 */
export const builtinThemeDir =
  packagedResource('builtin-theme') ?? path.join(projectRoot, 'resources', 'builtin-theme')

/** Where `vite build` writes the renderer that the host serves. */
export const builtRendererDir = path.join(projectRoot, 'out', 'renderer')

/** A folder of electron-builder's `extraResources`, when running packaged (`process.resourcesPath`). */
function packagedResource(name: string): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (!resources) return null
  const candidate = path.join(resources, name)
  return existsSync(candidate) ? candidate : null
}
