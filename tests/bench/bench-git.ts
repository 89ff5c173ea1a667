import { execFileSync } from 'node:child_process'

/** Native git for the benches: no user or system configuration, a fixed author. */
export const benchGitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
}

export function benchGitCommand(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: benchGitEnv,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
}
