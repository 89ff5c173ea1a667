import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cloneRepository } from '../../../../src-main/sync/clone.js'
import { MemoryCredentials } from '../../../../src-main/sync/credentials.js'
import type { SyncProgress } from '../../../../src-main/sync/remote-options.js'
import { nativeGit } from '../../../helpers/git-server.js'
import { git, nativeRepository } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { everyFileUnder, fsck, refs, TOKEN, USER, useServer } from './sync-fixture.js'

describe('cloneRepository', () => {
  const { server } = useServer()

  it('makes the same copy as native git: refs, commit ids, work tree; fsck passes', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    const native = path.join(base, 'native')
    const progress: SyncProgress[] = []
    const report = await cloneRepository({
      url: server().url('guide'),
      dir: ours,
      credentials: new MemoryCredentials(),
      onProgress: (event) => progress.push(event),
    })
    await nativeGit(base, 'clone', '-q', server().url('guide'), native)
    expect(await refs(ours, 'refs/heads')).toBe(await refs(native, 'refs/heads'))
    expect(await refs(ours, 'refs/remotes/origin/main')).not.toBe('')
    expect((await refs(ours, 'refs/remotes')).replace(/.*HEAD\n/g, '')).toBe(
      (await refs(native, 'refs/remotes')).replace(/.*HEAD\n/g, ''),
    )
    expect(report.head).toBe((await nativeGit(native, 'rev-parse', 'HEAD')).trim())
    expect(report.branch).toBe('main')
    expect(await nativeGit(ours, 'status', '--porcelain')).toBe('')
    expect(await readFile(path.join(ours, 'index.md'), 'utf8')).toContain('Bonjour')
    await fsck(ours)
    await fsck(server().bare('guide'))
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((event) => typeof event.phase === 'string' && event.loaded >= 0)).toBe(
      true,
    )
    expect(report.bytesReceived).toBeGreaterThan(0)
  })

  it('makes a light copy with depth 1: only the last version, as native git --depth 1', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    await cloneRepository({
      url: server().url('guide'),
      dir: ours,
      depth: 1,
      credentials: new MemoryCredentials(),
    })
    expect((await nativeGit(ours, 'rev-list', '--count', 'HEAD')).trim()).toBe('1')
    expect(existsSync(path.join(ours, '.git', 'shallow'))).toBe(true)
    await fsck(ours)
  })

  it('never writes the credentials into .git/config or any file under .git', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    const typed = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    await cloneRepository({ url: typed, dir: ours, credentials: new MemoryCredentials() })
    const config = await readFile(path.join(ours, '.git', 'config'), 'utf8')
    expect(config).toContain(server().url('guide'))
    const everything = await everyFileUnder(path.join(ours, '.git'))
    expect(everything).not.toContain(TOKEN)
    expect(everything).not.toContain(`${USER}:`)
  })

  it('stops when cancelled and leaves no folder behind', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    const signal = { aborted: false }
    await expect(
      cloneRepository({
        url: server().url('guide'),
        dir: ours,
        credentials: new MemoryCredentials(),
        signal,
        onProgress: () => (signal.aborted = true),
      }),
    ).rejects.toMatchObject({ code: 'network-cancelled' })
    expect(existsSync(ours)).toBe(false)
  })

  it('refuses a folder that is not empty, touching nothing in it', async () => {
    const base = await tempDir()
    await expect(
      cloneRepository({
        url: server().url('guide'),
        dir: base,
        credentials: new MemoryCredentials(),
      }),
    ).resolves.toBeDefined()
    await expect(
      cloneRepository({
        url: server().url('guide'),
        dir: base,
        credentials: new MemoryCredentials(),
      }),
    ).rejects.toMatchObject({ code: 'clone-target-not-empty' })
    await fsck(base)
  })

  it('refuses a host whose default line’s name would write into .git/config, leaving nothing', async () => {
    // `[branch "main"]pushremote=ailleurs#"]` once written unescaped: another setting of the line.
    const source = await nativeRepository({ 'index.md': 'Bonjour\n' })
    git(source, 'branch', '-m', 'main"]pushremote=ailleurs#')
    server().create('piege', source)
    const dir = path.join(await tempDir(), 'copie')
    await expect(
      cloneRepository({ url: server().url('piege'), dir, credentials: new MemoryCredentials() }),
    ).rejects.toMatchObject({ code: 'network-server' })
    expect(existsSync(dir)).toBe(false)
  })

  it('waits on a server silent for longer than Node’s keep-alive timeout (5 s): silence is idleMs’s', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    let bytes = 0
    server().fault({ holdAfter: 200 })
    const cloning = cloneRepository({
      url: server().url('guide'),
      dir: ours,
      credentials: new MemoryCredentials(),
      onReceived: (received) => (bytes = received),
    })
    await expect.poll(() => bytes).toBeGreaterThan(0)
    // Held, then let go after Node's global agent would have closed the socket.
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    server().fault(null)
    await expect(cloning).resolves.toMatchObject({ branch: 'main' })
    await fsck(ours)
  }, 30_000)
})
