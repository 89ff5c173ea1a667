import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { cloneRepository } from '../../../../src-main/sync/clone.js'
import { MemoryCredentials } from '../../../../src-main/sync/credentials.js'
import { pull } from '../../../../src-main/sync/pull.js'
import { push } from '../../../../src-main/sync/push.js'
import { nativeGit } from '../../../helpers/git-server.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { fsck, refs, TOKEN, USER, useServer, withToken } from './sync-fixture.js'

const author = { name: 'Awa', email: 'awa@example.org' }

describe('pull and push against a real server', () => {
  const { server } = useServer()

  async function setup() {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    await cloneRepository({
      url: server().url('guide'),
      dir: ours,
      credentials: withToken(server().origin),
    })
    const native = path.join(base, 'native')
    await nativeGit(base, 'clone', '-q', server().url('guide'), native)
    const pushUrl = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    const repository = (await Repository.find(ours))!
    return { ours, native, pushUrl, repository }
  }

  const serverMain = async () =>
    (await nativeGit(server().bare('guide'), 'rev-parse', 'main')).trim()

  it('receives a version pushed by native git (fast-forward), both sides pass fsck', async () => {
    const { ours, native, pushUrl, repository } = await setup()
    await writeFile(path.join(native, 'index.md'), '---\ntitle: Accueil\n---\nBonjour à tous\n')
    await nativeGit(native, 'commit', '-q', '-am', 'Salutation')
    await nativeGit(native, 'push', '-q', pushUrl, 'main')
    const report = await pull(repository, { credentials: new MemoryCredentials(), author })
    expect(report.outcome).toMatchObject({ kind: 'fast-forward', oid: await serverMain() })
    expect((await nativeGit(ours, 'rev-parse', 'HEAD')).trim()).toBe(await serverMain())
    expect(await nativeGit(ours, 'status', '--porcelain')).toBe('')
    await fsck(ours)
    await fsck(server().bare('guide'))
  })

  it('refuses to publish over a diverged host, receives (merge), then publishes; never forced', async () => {
    const { ours, native, pushUrl, repository } = await setup()
    await nativeGit(native, 'commit', '-q', '--allow-empty', '-m', 'Sur le serveur')
    await nativeGit(native, 'push', '-q', pushUrl, 'main')
    const before = await refs(server().bare('guide'), 'refs')
    await nativeGit(
      ours,
      '-c',
      'user.name=Awa',
      '-c',
      'user.email=awa@example.org',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'Chez moi',
    )
    await expect(
      push(repository, { credentials: withToken(server().origin) }),
    ).rejects.toMatchObject({
      code: 'push-diverged',
    })
    expect(await refs(server().bare('guide'), 'refs')).toBe(before)
    const received = await pull(repository, { credentials: withToken(server().origin), author })
    expect(received.outcome?.kind).toBe('merged')
    const report = await push(repository, { credentials: withToken(server().origin) })
    expect(report.pushed['refs/heads/main']).toBe(
      (await nativeGit(ours, 'rev-parse', 'main')).trim(),
    )
    expect(await serverMain()).toBe((await nativeGit(ours, 'rev-parse', 'main')).trim())
    await nativeGit(native, 'pull', '-q', '--ff-only', server().url('guide'), 'main')
    expect((await nativeGit(native, 'rev-parse', 'HEAD')).trim()).toBe(await serverMain())
    await fsck(ours)
    await fsck(server().bare('guide'))
  })

  it('publishes contributions with the review notes', async () => {
    const { ours, repository } = await setup()
    const git = (...args: string[]) =>
      nativeGit(ours, '-c', 'user.name=Awa', '-c', 'user.email=awa@example.org', ...args)
    await git('checkout', '-q', '-b', 'awa')
    await git('commit', '-q', '--allow-empty', '-m', 'Ma contribution')
    await git('notes', '--ref=atelier', 'add', '-m', 'décision: approuvée', 'HEAD')
    await git('checkout', '-q', 'main')
    const report = await push(repository, { credentials: withToken(server().origin) })
    expect(Object.keys(report.pushed).sort()).toEqual(['refs/heads/awa', 'refs/notes/atelier'])
    expect(report.unchanged).toContain('refs/heads/main')
    expect(await refs(server().bare('guide'), 'refs/heads/awa')).toBe(
      await refs(ours, 'refs/heads/awa'),
    )
    expect(await refs(server().bare('guide'), 'refs/notes')).toBe(await refs(ours, 'refs/notes'))
    await fsck(server().bare('guide'))
  })

  it('leaves the server unchanged when pushing without or with wrong credentials', async () => {
    const { ours, repository } = await setup()
    await nativeGit(
      ours,
      '-c',
      'user.name=Awa',
      '-c',
      'user.email=awa@example.org',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'Chez moi',
    )
    const before = await refs(server().bare('guide'), 'refs')
    await expect(push(repository, { credentials: new MemoryCredentials() })).rejects.toMatchObject({
      code: 'network-auth',
    })
    const wrong = new MemoryCredentials()
    wrong.set(server().origin, { username: USER, password: 'mauvais' })
    await expect(push(repository, { credentials: wrong })).rejects.toMatchObject({
      code: 'network-auth',
    })
    expect(await refs(server().bare('guide'), 'refs')).toBe(before)
    await fsck(server().bare('guide'))
  })

  it('sends conflicting changes to the conflict flow', async () => {
    const { ours, native, pushUrl, repository } = await setup()
    await writeFile(path.join(native, 'index.md'), 'Version du serveur\n')
    await nativeGit(native, 'commit', '-q', '-am', 'Serveur')
    await nativeGit(native, 'push', '-q', pushUrl, 'main')
    await writeFile(path.join(ours, 'index.md'), 'Ma version\n')
    await repository.commit({ message: 'Moi', author })
    const report = await pull(repository, { credentials: withToken(server().origin), author })
    expect(report.outcome).toEqual({ kind: 'conflicts', conflicts: ['index.md'] })
    const status = await repository.status()
    expect(status.merge?.conflicts).toEqual(['index.md'])
    expect(await nativeGit(ours, 'status', '--porcelain')).toBe('UU index.md\n')
  })
})
