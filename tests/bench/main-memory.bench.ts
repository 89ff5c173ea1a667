import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * The main process's memory on a 5,000-page guide (issue 18: under 300 MB after
 * the Versions view and a preview), in a process of its own so the figure is its own.
 */
export async function benchMainMemory(): Promise<void> {
  console.log('')
  const script = path.join(import.meta.dirname, 'main-memory.run.ts')
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, '5000', '1000'],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  )
  process.stdout.write(output)
}
