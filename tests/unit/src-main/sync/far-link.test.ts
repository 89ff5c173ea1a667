import { readFile, writeFile } from 'node:fs/promises'
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

  it('receives a one-line change to a long page as a delta: within 1.2× the bytes native git receives', async () => {
    const base = await tempDir()
    const ours = path.join(base, 'ours')
    const native = path.join(base, 'native')
    const other = path.join(base, 'other')
    const pushUrl = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    // A long page whose lines do not compress into nothing: one edit of it is far smaller than it.
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `Ligne ${i} : ${(i * 7919) % 104729} budgets.`,
    )
    await nativeGit(base, 'clone', '-q', pushUrl, other)
    await writeFile(path.join(other, 'long.md'), `${lines.join('\n')}\n`)
    await nativeGit(other, 'add', '-A')
    await nativeGit(other, 'commit', '-q', '-m', 'Longue page')
    await nativeGit(other, 'push', '-q', 'origin', 'main')
    await cloneRepository({
      url: server().url('guide'),
      dir: ours,
      credentials: withToken(server().origin),
    })
    await nativeGit(base, 'clone', '-q', server().url('guide'), native)
    const repository = (await Repository.find(ours))!

    lines[1500] = 'Une ligne changée.'
    await writeFile(path.join(other, 'long.md'), `${lines.join('\n')}\n`)
    await nativeGit(other, 'commit', '-q', '-am', 'Une ligne')
    await nativeGit(other, 'push', '-q', 'origin', 'main')

    const bytes = async (action: () => Promise<unknown>) => {
      const before = server().stats.bytesSent
      await action()
      return server().stats.bytesSent - before
    }
    const received = await bytes(() =>
      pull(repository, { credentials: withToken(server().origin), author }),
    )
    const nativeReceived = await bytes(() =>
      nativeGit(native, 'fetch', '-q', server().url('guide')),
    )
    expect(received).toBeLessThanOrEqual(nativeReceived * 1.2)
    expect(await readFile(path.join(ours, 'long.md'), 'utf8')).toContain('Une ligne changée.')
    expect(await nativeGit(ours, 'status', '--porcelain')).toBe('')
    await fsck(ours)
  }, 60_000)
})
