import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * Versions: status, commit and log on generated repositories, each beside
 * native git in the same run. Each size runs in its own process so its peak
 * memory is reported separately.
 */
export async function benchGit(runs: number): Promise<void> {
  console.log('\nVersions (isomorphic-git + our index reader) vs native git')
  const script = path.join(import.meta.dirname, 'git-repository.bench.ts')
  for (const [files, versions] of [
    [5000, 1000],
    [20000, 2],
  ] as const) {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', script, String(files), String(versions), String(runs)],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    )
    process.stdout.write(output)
  }
}
