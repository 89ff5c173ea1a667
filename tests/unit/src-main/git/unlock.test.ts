import { spawn, type ChildProcess } from 'node:child_process'
import { access, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import { runCli } from '../../../../src-main/cli.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { waitForFileText } from '../../../helpers/wait-for-file.js'

/** `npm run cli -- …` in this process: exit code and what it printed. */
async function cli(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(
    argv,
    (text) => (out += text),
    (text) => (err += text),
  )
  return { code, out, err }
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

const started: ChildProcess[] = []
afterEach(() => {
  // Each child was started detached, as the leader of its own process group.
  for (const child of started.splice(0)) {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGKILL')
    }
  }
})

describe('unlock: a lock left behind is cleared, one in use never', () => {
  it('clears a lock left by a killed version, after which versions can be saved again', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const lock = path.join(dir, '.git', 'index.lock')
    await writeFiles(dir, { '.git/index.lock': '', 'a.md': 'b\n' })

    const blocked = await cli('commit', dir, '-m', 'Bloquée', '--author', 'Test <t@example.org>')
    expect(blocked.code).toBe(1)
    expect(blocked.err).toContain(translate('fr', 'errors.repository-locked', { detail: lock }))

    const unlocked = await cli('unlock', dir)
    expect(unlocked).toEqual({
      code: 0,
      out: `${translate('fr', 'versions.cli.unlocked', { file: lock })}\n`,
      err: '',
    })
    expect(await exists(lock)).toBe(false)
    expect((await cli('unlock', dir)).out).toBe(`${translate('fr', 'versions.cli.notLocked')}\n`)

    expect(
      (await cli('commit', dir, '-m', 'Reprise', '--author', 'Test <t@example.org>')).code,
    ).toBe(0)
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
  })

  it('leaves a lock another program has open (CLI and « Débloquer » alike)', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const lock = path.join(dir, '.git', 'index.lock')
    await writeFile(lock, '')
    // Another program holding the lock open, as git does while it writes the index.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        "require('fs').openSync(process.argv[1], 'r'); console.log('ready'); setInterval(() => {}, 1e6)",
        lock,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'ignore'] },
    )
    started.push(holder)
    await new Promise<void>((resolve) =>
      holder.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve()
      }),
    )

    const refused = await cli('unlock', dir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain(translate('fr', 'errors.lock-in-use', { detail: lock }))
    expect(await exists(lock)).toBe(true)
    const repository = (await Repository.find(dir))!
    const error = await repository.clearLock().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AtelierError)
    expect((error as AtelierError).code).toBe('lock-in-use')
    expect(await exists(lock)).toBe(true)

    // Once that program has ended, the lock is a leftover and goes.
    process.kill(-holder.pid!, 'SIGKILL')
    await new Promise((resolve) => holder.once('exit', resolve))
    expect((await cli('unlock', dir)).code).toBe(0)
    expect(await exists(lock)).toBe(false)
  })

  it('leaves the lock of a git command still running in the repository, even with the file closed', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    await writeFiles(dir, { 'a.md': 'changé\n' })
    const lock = path.join(dir, '.git', 'index.lock')
    const marker = path.join(path.dirname(dir), 'editor-open')
    // `git commit -a` keeps index.lock (closed) while the message editor is open.
    const editor = `sh -c 'echo open > "${marker}"; sleep 60'`
    const commit = spawn('git', ['commit', '-a'], {
      cwd: dir,
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_EDITOR: editor,
        GIT_AUTHOR_NAME: 'N',
        GIT_AUTHOR_EMAIL: 'n@example.org',
        GIT_COMMITTER_NAME: 'N',
        GIT_COMMITTER_EMAIL: 'n@example.org',
      },
    })
    started.push(commit)
    await waitForFileText(marker, (text) => text.includes('open'), 10_000)
    expect(await exists(lock)).toBe(true)

    const refused = await cli('unlock', dir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain(translate('fr', 'errors.lock-in-use', { detail: lock }))
    expect(await exists(lock)).toBe(true)
  }, 20_000)
})
