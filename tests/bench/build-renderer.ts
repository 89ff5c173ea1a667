import { execFileSync } from 'node:child_process'
import path from 'node:path'

/** The benchmarks in Chromium serve the built renderer: built once per run, from this tree. */
let built = false
export function buildRenderer(): void {
  if (built) return
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'error'],
    { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'pipe' },
  )
  built = true
}
