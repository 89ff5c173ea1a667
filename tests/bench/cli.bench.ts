import { execFile, execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { benchGitEnv, generatePlaybookRepository } from './bench-git.js'
import { row } from './measure.js'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(root, 'out', 'cli', 'atelier.mjs')

/**
 * The command line as maintainers' CI calls it: the bundled `atelier`
 * (`npm run build:cli`, built here first) starting against a bare `node -e 0`,
 * and its `status` on a 5,000-page guide against `git status`, each a separate
 * process. The sources through tsx (`npm run cli`) are shown too, as the figure
 * the bundle replaces.
 */
export async function benchCli(runs: number): Promise<void> {
  console.log('\nCommand line (bundled out/cli/atelier.mjs) vs node and native git, medians:')
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root })
  const node =
    (...args: string[]) =>
    () =>
      run(process.execPath, args, { maxBuffer: 1 << 26 })
  const bare = node('-e', '0')
  const [help, helpBare] = await alternately(runs, node(bundle, '--help'), bare)
  console.log(row('atelier --help (start)', help, helpBare, 'node -e 0'))
  const sources = node('--import', 'tsx', path.join(root, 'src-main', 'cli.ts'), '--help')
  const [tsx, tsxBare] = await alternately(runs, sources, bare)
  console.log(row('tsx src-main/cli.ts --help (npm run cli)', tsx, tsxBare, 'node -e 0'))

  const repository = generatePlaybookRepository('atelier-bench-cli-', 5000, 2)
  const git =
    (...args: string[]) =>
    () =>
      run('git', args, { cwd: repository, env: benchGitEnv, maxBuffer: 1 << 26 })
  try {
    const [status, gitStatus] = await alternately(
      runs,
      node(bundle, 'status', repository),
      git('status'),
    )
    console.log(row('atelier status, 5,000 pages', status, gitStatus, 'git status'))
    const [porcelain, gitPorcelain] = await alternately(
      runs,
      node(bundle, 'status', repository, '--porcelain'),
      git('status', '--porcelain', '-uall'),
    )
    console.log(
      row('atelier status --porcelain, 5,000 pages', porcelain, gitPorcelain, 'git -uall'),
    )
  } finally {
    await rm(path.dirname(repository), { recursive: true, force: true })
  }
}

/**
 * Medians in milliseconds of `figure` and `reference` (after one warm-up each), run
 * one after the other in turn: start-up times are a few tens of milliseconds, and a
 * busy machine's load changes faster than a run of one then a run of the other.
 */
async function alternately(
  runs: number,
  figure: () => Promise<unknown>,
  reference: () => Promise<unknown>,
): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []]
  const tasks = [figure, reference] as const
  for (let turn = -1; turn < runs; turn++) {
    for (const [index, task] of tasks.entries()) {
      const started = process.hrtime.bigint()
      await task()
      if (turn >= 0) times[index]!.push(Number(process.hrtime.bigint() - started) / 1e6)
    }
  }
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  return [middle(times[0]), middle(times[1])]
}
