import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project folder when running from sources (CLI, host, tests, `electron-vite` dev). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The starter playbook shipped with the sources. Packaged apps pass their own copy's path. */
export const bundledStarterPlaybook = path.join(projectRoot, 'resources', 'starter-playbook')

/** Where `vite build` writes the renderer that the host serves. */
export const builtRendererDir = path.join(projectRoot, 'out', 'renderer')
