import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import type { HandlerTable } from '../../../../src-main/ipc/handler.js'
import type { Session } from '../../../../src-main/session.js'
import type { EventPayloads } from '../../../../src-shared/api/contract.js'
import type { CallResult } from '../../../../src-shared/api/types.js'
import { nativeGit } from '../../../helpers/git-server.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { everyFileUnder, fsck, TOKEN, USER, useServer } from '../sync/sync-fixture.js'

const AUTHOR = { name: 'Ana Lima', email: 'ana@example.org' }

/** A session on a throw-away guide (to have one open), and its calls as the renderer makes them. */
async function workbench() {
  const start = await tempDir('atelier-start-')
  await writeFile(path.join(start, 'index.md'), '# Accueil\n')
  const { session, handlers } = await openSession(start)
  await session.settings.setAuthor(AUTHOR)
  const progress: EventPayloads['sync.progress'][] = []
  session.subscribe((name, payload) => {
    if (name === 'sync.progress') progress.push(payload as EventPayloads['sync.progress'])
  })
  const call = (name: string, input: unknown = {}) =>
    dispatch(handlers as HandlerTable, name, input) as Promise<CallResult<never>>
  return { session, call, progress }
}

/** Clones the server's guide into a fresh folder and opens it as the renderer does. */
async function cloneAndOpen(
  session: Session,
  call: (name: string, input?: unknown) => Promise<CallResult<never>>,
  url: string,
  depth?: number,
): Promise<string> {
  const folder = await tempDir('atelier-parent-')
  const result = await call('sync.clone', { url, folder, ...(depth ? { depth } : {}) })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  const cloned = result.value as { path: string }
  expect(cloned.path).toBe(path.join(folder, 'guide'))
  expect((await call('workspace.open', { path: cloned.path })).ok).toBe(true)
  return cloned.path
}

describe('sync handlers', () => {
  const { server } = useServer()

  it('copies a guide into a new folder named after it, with progress, then may open it', async () => {
    const { session, call, progress } = await workbench()
    const dir = await cloneAndOpen(session, call, server().url('guide'))
    expect(session.current()?.root).toBe(dir)
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.at(-1)!.bytes).toBeGreaterThan(0)
    await fsck(dir)
    const remotes = await call('sync.remotes')
    expect(remotes).toEqual({
      ok: true,
      value: { remotes: [{ name: 'origin', url: server().url('guide') }], shallow: false },
    })
    await session.close()
  })

  it('refuses a folder inside the open guide, and a non-HTTP address, in French codes', async () => {
    const { session, call } = await workbench()
    const inside = await call('sync.clone', {
      url: server().url('guide'),
      folder: session.current()!.root,
    })
    expect(inside).toMatchObject({ ok: false, error: { code: 'clone-target-inside' } })
    const folder = await tempDir('atelier-parent-')
    const file = await call('sync.clone', { url: 'file:///etc', folder })
    expect(file).toMatchObject({ ok: false, error: { code: 'remote-url' } })
    await session.close()
  })

  it('« Annuler » stops a copy held halfway and leaves no folder', async () => {
    const { session, call, progress } = await workbench()
    const folder = await tempDir('atelier-parent-')
    server().fault({ holdAfter: 200 })
    const cloning = call('sync.clone', { url: server().url('guide'), folder })
    await expect.poll(() => progress.some((event) => event.bytes > 0)).toBe(true)
    expect(await call('sync.cancel')).toEqual({ ok: true, value: true })
    expect(await cloning).toMatchObject({ ok: false, error: { code: 'network-cancelled' } })
    server().fault(null)
    expect(existsSync(path.join(folder, 'guide'))).toBe(false)
    await session.close()
  })

  it('receives a version pushed by native git, then publishes one behind basic auth', async () => {
    const { session, call } = await workbench()
    const dir = await cloneAndOpen(session, call, server().url('guide'))
    expect(await call('sync.pull')).toEqual({ ok: true, value: { kind: 'up-to-date' } })

    // Someone else publishes with native git.
    const other = path.join(await tempDir(), 'other')
    await nativeGit(path.dirname(other), 'clone', '-q', server().url('guide'), other)
    await writeFile(path.join(other, 'nouvelle.md'), '# Nouvelle\n')
    await nativeGit(other, 'add', '.')
    await nativeGit(other, 'commit', '-q', '-m', 'Nouvelle page')
    const authed = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    await nativeGit(other, 'push', '-q', authed, 'main')
    const pulled = await call('sync.pull')
    expect(pulled).toMatchObject({ ok: true, value: { kind: 'fast-forward' } })
    expect(await readFile(path.join(dir, 'nouvelle.md'), 'utf8')).toBe('# Nouvelle\n')

    // Ours, published: refused without credentials (the host is unchanged), then sent.
    await writeFile(path.join(dir, 'index.md'), 'Bonjour à tous\n')
    expect((await call('versions.commit', { message: 'Salutation' })).ok).toBe(true)
    const before = await nativeGit(server().bare('guide'), 'rev-parse', 'main')
    expect(await call('sync.push')).toMatchObject({ ok: false, error: { code: 'network-auth' } })
    expect(await nativeGit(server().bare('guide'), 'rev-parse', 'main')).toBe(before)
    expect(
      (
        await call('sync.credentials.set', {
          url: server().url('guide'),
          username: USER,
          token: TOKEN,
        })
      ).ok,
    ).toBe(true)
    const pushed = await call('sync.push')
    expect(pushed).toMatchObject({ ok: true, value: { pushed: ['main'] } })
    expect(await nativeGit(server().bare('guide'), 'rev-parse', 'main')).toBe(
      await nativeGit(dir, 'rev-parse', 'main'),
    )
    await fsck(server().bare('guide'))
    await fsck(dir)
    // The token stayed in memory: nothing under .git names it.
    const everything = await everyFileUnder(path.join(dir, '.git'))
    expect(everything).not.toContain(TOKEN)
    await session.close()
  })

  it('refuses to publish over a host that moved on, saying to receive first; never forces', async () => {
    const { session, call } = await workbench()
    const dir = await cloneAndOpen(session, call, server().url('guide'))
    await call('sync.credentials.set', { url: server().url('guide'), username: USER, token: TOKEN })
    const other = path.join(await tempDir(), 'other')
    await nativeGit(path.dirname(other), 'clone', '-q', server().url('guide'), other)
    await nativeGit(other, 'commit', '-q', '--allow-empty', '-m', 'Ailleurs')
    const authed = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    await nativeGit(other, 'push', '-q', authed, 'main')
    const theirs = await nativeGit(server().bare('guide'), 'rev-parse', 'main')
    await writeFile(path.join(dir, 'index.md'), 'Ici\n')
    await call('versions.commit', { message: 'Ici' })
    expect(await call('sync.push')).toMatchObject({ ok: false, error: { code: 'push-diverged' } })
    expect(await nativeGit(server().bare('guide'), 'rev-parse', 'main')).toBe(theirs)
    await session.close()
  })

  it('loads the whole history of a light copy', async () => {
    const { session, call } = await workbench()
    const dir = await cloneAndOpen(session, call, server().url('guide'), 1)
    expect(await call('sync.remotes')).toMatchObject({ ok: true, value: { shallow: true } })
    expect((await nativeGit(dir, 'rev-list', '--count', 'HEAD')).trim()).toBe('1')
    expect(await call('sync.deepen')).toMatchObject({ ok: true, value: { shallow: false } })
    const native = path.join(await tempDir(), 'native')
    await nativeGit(path.dirname(native), 'clone', '-q', server().url('guide'), native)
    expect(await nativeGit(dir, 'rev-list', '--count', 'HEAD')).toBe(
      await nativeGit(native, 'rev-list', '--count', 'HEAD'),
    )
    await fsck(dir)
    await session.close()
  })

  it('publishes from a light copy (its history cut after one version)', async () => {
    const { session, call } = await workbench()
    const dir = await cloneAndOpen(session, call, server().url('guide'), 1)
    await call('sync.credentials.set', { url: server().url('guide'), username: USER, token: TOKEN })
    await writeFile(path.join(dir, 'index.md'), 'Depuis une copie légère\n')
    expect((await call('versions.commit', { message: 'Léger' })).ok).toBe(true)
    expect(await call('sync.push')).toMatchObject({ ok: true, value: { pushed: ['main'] } })
    expect(await nativeGit(server().bare('guide'), 'rev-parse', 'main')).toBe(
      await nativeGit(dir, 'rev-parse', 'main'),
    )
    await fsck(server().bare('guide'))
    await session.close()
  })

  it('receives into the conflict flow when a page changed on both sides', async () => {
    const { session, call } = await workbench()
    const dir = await cloneAndOpen(session, call, server().url('guide'))
    const other = path.join(await tempDir(), 'other')
    await nativeGit(path.dirname(other), 'clone', '-q', server().url('guide'), other)
    await writeFile(path.join(other, 'index.md'), '---\ntitle: Accueil\n---\nDe là-bas\n')
    await nativeGit(other, 'commit', '-q', '-am', 'Là-bas')
    const authed = server().url('guide').replace('http://', `http://${USER}:${TOKEN}@`)
    await nativeGit(other, 'push', '-q', authed, 'main')
    await writeFile(path.join(dir, 'index.md'), '---\ntitle: Accueil\n---\nD’ici\n')
    await call('versions.commit', { message: 'Ici' })
    expect(await call('sync.pull')).toEqual({
      ok: true,
      value: { kind: 'conflicts', conflicts: ['index.md'] },
    })
    expect(await call('versions.status')).toMatchObject({
      ok: true,
      value: { merge: { conflicts: ['index.md'] } },
    })
    await session.close()
  })
})
