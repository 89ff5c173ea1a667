import { randomBytes } from 'node:crypto'
import { chmod, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { translate } from '../../../../src-shared/i18n/translate.js'
import fr from '../../../../src-shared/i18n/fr.json'
import { Repository } from '../../../../src-main/git/repository.js'
import { cloneRepository } from '../../../../src-main/sync/clone.js'
import { MemoryCredentials } from '../../../../src-main/sync/credentials.js'
import { pull } from '../../../../src-main/sync/pull.js'
import { push } from '../../../../src-main/sync/push.js'
import { nativeGit, startGitServer } from '../../../helpers/git-server.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { fsck, refs, TOKEN, USER, useServer, withToken } from './sync-fixture.js'

const author = { name: 'Awa', email: 'awa@example.org' }
const none = () => new MemoryCredentials()

/** The failure's code, after checking its French message is a real sentence of the catalogue. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AtelierError)
  const code = (error as AtelierError).code
  const message = translate('fr', `errors.${code}`)
  expect(message).toBe((fr.errors as Record<string, string>)[code])
  return code
}

describe('network failures: each a French message, the repository as it was', () => {
  const { server, source } = useServer()

  async function ourCopy() {
    const dir = path.join(await tempDir(), 'ours')
    await cloneRepository({ url: server().url('guide'), dir, credentials: none() })
    return { dir, repository: (await Repository.find(dir))! }
  }

  async function newVersionOnServer() {
    const pushUrl = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    // Incompressible, so the pack is far longer than where the connection is cut.
    await writeFile(path.join(source(), 'gros.md'), `${randomBytes(60_000).toString('base64')}\n`)
    await nativeGit(source(), 'add', '-A')
    await nativeGit(source(), 'commit', '-q', '-m', 'Nouveauté')
    await nativeGit(source(), 'push', '-q', pushUrl, 'main')
  }

  it('offline (connection refused)', async () => {
    const closed = await startGitServer({ user: USER, token: TOKEN })
    const url = closed.url('guide')
    await closed.close()
    const dir = path.join(await tempDir(), 'copie')
    expect(await failure(cloneRepository({ url, dir, credentials: none() }))).toBe(
      'network-offline',
    )
  })

  it('unknown host (DNS)', async () => {
    const dir = path.join(await tempDir(), 'copie')
    const code = await failure(
      cloneRepository({ url: 'http://atelier-guide.invalid/guide.git', dir, credentials: none() }),
    )
    // Without any resolver at all the system says "try again" (offline) rather than "no such name".
    expect(['network-host-unknown', 'network-offline']).toContain(code)
  })

  it('timeout: a server that stops answering', async () => {
    const { dir, repository } = await ourCopy()
    const before = await refs(dir, 'refs')
    server().fault({ stall: true })
    expect(await failure(pull(repository, { credentials: none(), author, idleMs: 300 }))).toBe(
      'network-timeout',
    )
    server().fault(null)
    expect(await refs(dir, 'refs')).toBe(before)
  })

  it.each([
    [401, 'network-auth'],
    [403, 'network-forbidden'],
    [404, 'network-not-found'],
    [500, 'network-server'],
    [503, 'network-server'],
  ])('status %i', async (status, expected) => {
    const { dir, repository } = await ourCopy()
    const before = await refs(dir, 'refs')
    server().fault({ status })
    expect(await failure(pull(repository, { credentials: none(), author }))).toBe(expected)
    const target = path.join(await tempDir(), 'copie')
    expect(
      await failure(
        cloneRepository({ url: server().url('guide'), dir: target, credentials: none() }),
      ),
    ).toBe(expected)
    server().fault(null)
    expect(await refs(dir, 'refs')).toBe(before)
    await fsck(dir)
  })

  it.each(['ssh://git@example.org/guide.git', 'guide.git'])(
    'an address that is not HTTP(S): %s',
    async (url) => {
      const dir = path.join(await tempDir(), 'copie')
      expect(await failure(cloneRepository({ url, dir, credentials: none() }))).toBe('remote-url')
    },
  )

  it('a repository that does not exist', async () => {
    const dir = path.join(await tempDir(), 'copie')
    expect(
      await failure(cloneRepository({ url: server().url('absent'), dir, credentials: none() })),
    ).toBe('network-not-found')
  })

  it('connection cut mid-transfer: no half-written refs or packs, fsck passes, a retry works', async () => {
    const { dir, repository } = await ourCopy()
    await newVersionOnServer()
    const refsBefore = await refs(dir, 'refs')
    const packsBefore = await readdir(path.join(dir, '.git', 'objects', 'pack'))
    const headBefore = await nativeGit(dir, 'rev-parse', 'HEAD')
    server().fault({ cutAfter: 2000 })
    expect(await failure(pull(repository, { credentials: none(), author }))).toBe('network-cut')
    expect(await refs(dir, 'refs')).toBe(refsBefore)
    expect(await readdir(path.join(dir, '.git', 'objects', 'pack'))).toEqual(packsBefore)
    expect(await nativeGit(dir, 'rev-parse', 'HEAD')).toBe(headBefore)
    expect(await nativeGit(dir, 'status', '--porcelain')).toBe('')
    await fsck(dir)
    server().fault(null)
    const retry = await pull(repository, { credentials: none(), author })
    expect(retry.outcome?.kind).toBe('fast-forward')
    expect(await nativeGit(dir, 'rev-parse', 'HEAD')).toBe(
      await nativeGit(server().bare('guide'), 'rev-parse', 'main'),
    )
    await fsck(dir)
  })

  it('a clone cut mid-transfer leaves no folder, and a retry works', async () => {
    await newVersionOnServer()
    const dir = path.join(await tempDir(), 'copie')
    server().fault({ cutAfter: 2000 })
    expect(
      await failure(cloneRepository({ url: server().url('guide'), dir, credentials: none() })),
    ).toBe('network-cut')
    server().fault(null)
    await cloneRepository({ url: server().url('guide'), dir, credentials: none() })
    await fsck(dir)
  })

  it('a push the server rejects (its hook says no) leaves it unchanged', async () => {
    const { dir, repository } = await ourCopy()
    const hook = path.join(server().bare('guide'), 'hooks', 'pre-receive')
    await writeFile(hook, '#!/bin/sh\necho "publication fermée" >&2\nexit 1\n')
    await chmod(hook, 0o755)
    await nativeGit(
      dir,
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
    expect(await failure(push(repository, { credentials: withToken(server().origin) }))).toBe(
      'push-rejected',
    )
    expect(await refs(server().bare('guide'), 'refs')).toBe(before)
    await fsck(server().bare('guide'))
  })
})
