import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import path from 'node:path'
import {
  nativeGit,
  nativeGitCode,
  startGitServer,
  type GitServer,
} from '../../helpers/git-server.js'
import { git, nativeRepository } from '../../helpers/native-git.js'
import { tempDir } from '../../helpers/temp-dir.js'

describe('the test git server (git http-backend behind a CGI bridge)', () => {
  let server: GitServer
  beforeEach(async () => {
    server = await startGitServer({ user: 'ana', token: 'jeton-secret' })
  })
  afterEach(() => server.close())

  it('serves a bare repository that native git clones', async () => {
    const source = await nativeRepository({ 'index.md': 'Bonjour\n' })
    server.create('guide', source)
    const target = path.join(await tempDir(), 'copie')
    await nativeGit(path.dirname(target), 'clone', '-q', server.url('guide'), target)
    expect(git(target, 'rev-parse', 'HEAD')).toBe(git(source, 'rev-parse', 'HEAD'))
    expect(git(target, 'fsck', '--strict')).toBe('')
  })

  it('refuses a native push without credentials and accepts one with them', async () => {
    const source = await nativeRepository({ 'index.md': 'Bonjour\n' })
    server.create('guide', source)
    const before = git(server.bare('guide'), 'rev-parse', 'main')
    git(source, 'commit', '-q', '--allow-empty', '-m', 'Deuxième')
    const refused = await nativeGitCode(source, 'push', server.url('guide'), 'main')
    expect(refused).not.toBe(0)
    expect(git(server.bare('guide'), 'rev-parse', 'main')).toBe(before)
    const withAuth = server.url('guide').replace('http://', 'http://ana:jeton-secret@')
    await nativeGit(source, 'push', '-q', withAuth, 'main')
    expect(git(server.bare('guide'), 'rev-parse', 'main')).toBe(git(source, 'rev-parse', 'main'))
  })

  it('answers a chosen status and cuts a pack response after N bytes', async () => {
    const source = await nativeRepository({ 'index.md': 'Bonjour\n'.repeat(2000) })
    server.create('guide', source)
    const dir = await tempDir()
    server.fault({ status: 404 })
    expect(await nativeGitCode(dir, 'clone', '-q', server.url('guide'), 'a')).not.toBe(0)
    server.fault({ cutAfter: 100 })
    expect(await nativeGitCode(dir, 'clone', '-q', server.url('guide'), 'b')).not.toBe(0)
    server.fault(null)
    expect(await nativeGitCode(dir, 'clone', '-q', server.url('guide'), 'c')).toBe(0)
  })
})
