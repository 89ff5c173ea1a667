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
import { fsck, TOKEN, USER, useServer, withToken } from './sync-fixture.js'

const author = { name: 'Awa', email: 'awa@example.org' }

/**
 * A guide whose repository was renamed on the host: every request to the old
 * address is answered 301, the uploads (POST) too. Git follows the redirect of
 * its first request and sends the rest to the new address; a client that sends
 * its POST to the old one loses the body on the way (301 turns it into a GET).
 */
describe('a guide moved on its host', () => {
  const { server } = useServer()

  it('clones, receives and publishes through the old address, as native git does', async () => {
    const base = await tempDir()
    server().create('nouveau', server().bare('guide'))
    server().moved('guide', 'nouveau')
    const oldUrl = server().url('guide')

    const ours = path.join(base, 'ours')
    const report = await cloneRepository({
      url: oldUrl,
      dir: ours,
      credentials: withToken(server().origin),
    })
    expect(report.head).toBe(
      (await nativeGit(server().bare('nouveau'), 'rev-parse', 'main')).trim(),
    )
    // The address the user gave stays in the configuration, as with git.
    expect((await nativeGit(ours, 'config', 'remote.origin.url')).trim()).toBe(oldUrl)

    const native = path.join(base, 'native')
    await nativeGit(
      base,
      'clone',
      '-q',
      oldUrl.replace('http://', `http://${USER}:${TOKEN}@`),
      native,
    )
    await writeFile(path.join(native, 'index.md'), '---\ntitle: Accueil\n---\nBonjour à tous\n')
    await nativeGit(native, 'commit', '-q', '-am', 'Salutation')
    await nativeGit(native, 'push', '-q', 'origin', 'main')
    const repository = (await Repository.find(ours))!
    const received = await pull(repository, { credentials: new MemoryCredentials(), author })
    expect(received.outcome).toMatchObject({ kind: 'fast-forward' })

    await writeFile(path.join(ours, 'index.md'), '---\ntitle: Accueil\n---\nBonjour à toutes\n')
    repository.noteChanged(['index.md'])
    const mine = await repository.commit({ message: 'Féminin', author })
    await push(repository, { credentials: withToken(server().origin), branch: 'main' })
    expect((await nativeGit(server().bare('nouveau'), 'rev-parse', 'main')).trim()).toBe(mine)
    await fsck(ours)
    await fsck(server().bare('nouveau'))
  })

  it('does not follow a redirect from HTTPS down to HTTP, nor away from a git address', async () => {
    // Judged on the address alone: no host is reached.
    const { redirectedBase } = await import('../../../../src-main/sync/discover-refs.js')
    const service = 'git-upload-pack'
    expect(
      redirectedBase(
        'https://h.org/g.git',
        'http://h.org/g.git/info/refs?service=git-upload-pack',
        service,
      ),
    ).toBeNull()
    expect(redirectedBase('https://h.org/g.git', 'https://h.org/login', service)).toBeNull()
    expect(
      redirectedBase(
        'https://h.org/g.git',
        'https://autre.org/n.git/info/refs?service=git-upload-pack',
        service,
      ),
    ).toBe('https://autre.org/n.git')
    expect(
      redirectedBase('https://h.org/g.git', '/n.git/info/refs?service=git-upload-pack', service),
    ).toBe('https://h.org/n.git')
  })
})
