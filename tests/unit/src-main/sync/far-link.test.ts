import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { cloneRepository } from '../../../../src-main/sync/clone.js'
import { pull } from '../../../../src-main/sync/pull.js'
import { push } from '../../../../src-main/sync/push.js'
import { nativeGit } from '../../../helpers/git-server.js'
import { git } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { fsck, TOKEN, USER, useServer, withToken } from './sync-fixture.js'

const author = { name: 'Awa', email: 'awa@example.org' }

/**
 * On a far link (satellite, busy mobile network) every request waits a round
 * trip: the server here answers each one 150 ms late. Clone, receive and
 * publish still work, and make no more round trips than native git.
 */
describe('over a far link', () => {
  const { server } = useServer()

  /** Requests the server answered while `action` ran: each one a round trip on the link. */
  async function roundTrips(action: () => Promise<unknown>): Promise<number> {
    const before = server().stats.requests
    await action()
    return server().stats.requests - before
  }

  it('clones, receives and publishes with no more round trips than native git', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    const native = path.join(base, 'native')
    const pushUrl = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    server().fault({ latencyMs: 150 })

    const figures: Record<string, [number, number]> = {}
    figures.clone = [
      await roundTrips(() =>
        cloneRepository({
          url: server().url('guide'),
          dir: ours,
          credentials: withToken(server().origin),
        }),
      ),
      await roundTrips(() => nativeGit(base, 'clone', '-q', server().url('guide'), native)),
    ]
    const repository = (await Repository.find(ours))!
    await writeFile(path.join(native, 'index.md'), '---\ntitle: Accueil\n---\nBonjour à tous\n')
    await nativeGit(native, 'commit', '-q', '-am', 'Salutation')
    await nativeGit(native, 'push', '-q', pushUrl, 'main')
    figures.receive = [
      await roundTrips(() => pull(repository, { credentials: withToken(server().origin), author })),
      await roundTrips(() => nativeGit(native, 'fetch', '-q', server().url('guide'))),
    ]
    await writeFile(path.join(ours, 'index.md'), '---\ntitle: Accueil\n---\nBonjour à toutes\n')
    await repository.commit({ message: 'Féminin', author })
    await nativeGit(native, 'commit', '-q', '--allow-empty', '-m', 'Vide')
    figures.publish = [
      await roundTrips(() => push(repository, { credentials: withToken(server().origin) })),
      await roundTrips(() => nativeGit(native, 'push', '-q', pushUrl, 'HEAD:refs/heads/essai')),
    ]
    // Each round trip costs the link's delay: ours are no more than native git's.
    for (const [step, [ours, theirs]] of Object.entries(figures)) {
      expect(ours, step).toBeGreaterThan(0)
      expect(ours, step).toBeLessThanOrEqual(theirs)
    }
    expect(git(server().bare('guide'), 'rev-parse', 'main').trim()).toBe(
      (await nativeGit(ours, 'rev-parse', 'main')).trim(),
    )
    await fsck(ours)
    await fsck(server().bare('guide'))
  }, 60_000)
})
