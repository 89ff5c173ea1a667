import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src-main/cli.js'
import { translate } from '../../src-shared/i18n/translate.js'
import { nativeGit, startGitServer, type GitServer } from '../helpers/git-server.js'
import { nativeRepository } from '../helpers/native-git.js'
import { tempDir } from '../helpers/temp-dir.js'

const USER = 'ana'
const TOKEN = 'jeton-cli-7'

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

describe('cli clone, pull, push', () => {
  let server: GitServer
  let source: string
  beforeEach(async () => {
    server = await startGitServer({ user: USER, token: TOKEN })
    source = await nativeRepository({ 'index.md': 'Bonjour\n' })
    await nativeGit(source, 'commit', '-q', '--allow-empty', '-m', 'Deuxième')
    server.create('guide', source)
    vi.stubEnv('ATELIER_GIT_USERNAME', '')
    vi.stubEnv('ATELIER_GIT_PASSWORD', '')
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await server.close()
  })

  const serverMain = async () => nativeGit(server.bare('guide'), 'rev-parse', 'main')

  it('clones (light copy with --depth 1), pulls a native push, pushes with the environment credentials', async () => {
    const dir = path.join(await tempDir(), 'guide')
    const cloned = await cli('clone', server.url('guide'), dir, '--depth', '1')
    expect(cloned).toMatchObject({ code: 0, err: '' })
    expect(cloned.out).toContain('Guide copié dans')
    expect((await nativeGit(dir, 'rev-list', '--count', 'HEAD')).trim()).toBe('1')

    const pushUrl = server.url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    await nativeGit(source, 'commit', '-q', '--allow-empty', '-m', 'Troisième')
    await nativeGit(source, 'push', '-q', pushUrl, 'main')
    const pulled = await cli('pull', dir, '--author', 'Awa <awa@example.org>')
    expect(pulled).toMatchObject({ code: 0, err: '' })
    expect(pulled.out).toContain('Nouveautés reçues')
    expect(await nativeGit(dir, 'rev-parse', 'HEAD')).toBe(await serverMain())

    const git = (...args: string[]) =>
      nativeGit(dir, '-c', 'user.name=Awa', '-c', 'user.email=awa@example.org', ...args)
    await git('commit', '-q', '--allow-empty', '-m', 'Chez moi')
    const before = await serverMain()
    const refused = await cli('push', dir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain(translate('fr', 'errors.network-auth'))
    expect(await serverMain()).toBe(before)

    vi.stubEnv('ATELIER_GIT_USERNAME', USER)
    vi.stubEnv('ATELIER_GIT_PASSWORD', TOKEN)
    const pushed = await cli('push', dir, '--branch', 'main')
    expect(pushed).toMatchObject({ code: 0, err: '' })
    expect(pushed.out).toContain('Publié : main')
    expect(await serverMain()).toBe(await nativeGit(dir, 'rev-parse', 'HEAD'))
    await nativeGit(server.bare('guide'), 'fsck', '--strict', '--no-progress')
    await nativeGit(dir, 'fsck', '--strict', '--no-progress')
  })

  it('exits 1 with a French message on a failure, 2 on a usage error', async () => {
    const base = await tempDir()
    const missing = await cli('clone', server.url('absent'), path.join(base, 'a'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain(translate('fr', 'errors.network-not-found'))
    server.fault({ status: 500 })
    const broken = await cli('clone', server.url('guide'), path.join(base, 'b'))
    expect(broken.err).toContain(translate('fr', 'errors.network-server'))
    expect(broken.code).toBe(1)
    const notRepository = await cli('pull', base)
    expect(notRepository.code).toBe(1)
    expect(notRepository.err).toContain(translate('fr', 'errors.not-a-repository'))
    expect((await cli('clone', server.url('guide'))).code).toBe(2)
    expect(
      (await cli('clone', server.url('guide'), path.join(base, 'c'), '--depth', '0')).code,
    ).toBe(2)
  })
})
