import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * Talking to a git host: clone (full and depth 1) of a generated 5,000-page
 * repository served over HTTP by Debian git's http-backend (the tests'
 * server), beside native `git clone` from the same server in the same run.
 * Runs in its own process so its peak memory is its own.
 */
export async function benchSync(runs: number): Promise<void> {
  console.log('\nSync over HTTP vs native git, same server')
  const script = path.join(import.meta.dirname, 'sync-clone.bench.ts')
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', script, '5000', '200', String(Math.min(runs, 5))],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  )
  process.stdout.write(output)
}
