import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project folder: the nearest folder above this module holding
 * `package.json` — `src-main/` when running from sources (CLI, host, tests),
 * `out/main/` once bundled by electron-vite (`npm start`), `out/cli/chunks/` in
 * the command line's bundle (`npm run build:cli`).
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)))

/** The starter playbook shipped with the sources. Packaged apps pass their own copy's path. */
export const bundledStarterPlaybook = path.join(projectRoot, 'resources', 'starter-playbook')

/**
 * The built-in playbook theme (layouts, includes, styles, local fonts): beside
 * the packaged app's resources, else in the sources.
 */
export const builtinThemeDir =
  packagedResource('builtin-theme') ?? path.join(projectRoot, 'resources', 'builtin-theme')

/**
 * The maintainers' guide an installer carries (`playbook/`: a bundle and its
 * manifest), beside the packaged app's resources; null when running from the sources.
 */
export const packagedPlaybookDir = packagedResource('playbook')

/** Where `vite build` writes the renderer that the host serves. */
export const builtRendererDir = path.join(projectRoot, 'out', 'renderer')

/** A folder of electron-builder's `extraResources`, when running packaged (`process.resourcesPath`). */
function packagedResource(name: string): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (!resources) return null
  const candidate = path.join(resources, name)
  return existsSync(candidate) ? candidate : null
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) return path.resolve(start, '..')
  }
}
