import { existsSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { Workspace } from '../../../../src-main/workspace/workspace.js'
import type { CallInput, CallOutput } from '../../../../src-shared/api/contract.js'
import type { CallName } from '../../../../src-shared/api/names.js'
import { git } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/** A repository with one versioned page and one never versioned (CRLF and no final newline). */
async function site() {
  const root = path.join(await tempDir('atelier-trash-'), 'guide')
  await mkdir(path.join(root, '_cas'), { recursive: true })
  await writeFile(path.join(root, '_config.yml'), 'title: Guide\n')
  await writeFile(path.join(root, 'index.md'), '---\ntitle: Accueil\n---\nBonjour\n')
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'v1')
  const draft = Buffer.from('---\r\ntitle: Cas du Bénin\r\n---\r\nBrouillon é', 'utf8')
  await writeFile(path.join(root, 'brouillon.md'), draft)
  return { root, draft, ...(await openSession(root)) }
}

type Handlers = Awaited<ReturnType<typeof site>>['handlers']

/** A call that must succeed, typed by the contract. */
async function call<K extends CallName>(handlers: Handlers, name: K, input: CallInput<K>) {
  const result = await dispatch(handlers, name, input)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value as CallOutput<K>
}

describe('deleting a page moves it to the trash', () => {
  it('a page never saved in a version comes back byte for byte', async () => {
    const { root, draft, handlers } = await site()
    const statusBefore = git(root, 'status', '--porcelain')
    const deleted = await call(handlers, 'pages.delete', { path: 'brouillon.md' })
    expect(deleted.path).toBe('brouillon.md')
    expect(deleted.trash).toEqual(expect.any(String))
    expect(await readdir(root)).not.toContain('brouillon.md')
    const listed = await call(handlers, 'trash.list', {})
    expect(listed).toMatchObject([
      { id: deleted.trash, path: 'brouillon.md', title: 'Cas du Bénin' },
    ])
    expect(Number.isNaN(Date.parse(listed[0]!.deletedAt))).toBe(false)

    const restored = await call(handlers, 'trash.restore', { id: deleted.trash! })
    expect(restored).toEqual({ path: 'brouillon.md' })
    expect(await readFile(path.join(root, 'brouillon.md'))).toEqual(draft)
    expect(git(root, 'status', '--porcelain')).toBe(statusBefore)
    expect(await call(handlers, 'trash.list', {})).toEqual([])
    const index = await call(handlers, 'pages.index', {})
    expect(index.pages.map((page) => page.path)).toContain('brouillon.md')
  })

  it('a versioned page put back leaves git nothing to report', async () => {
    const { root, handlers } = await site()
    await writeFile(path.join(root, 'brouillon.md'), '') // out of the way: not part of this case
    git(root, 'add', '-A')
    git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'v2')
    const deleted = await call(handlers, 'pages.delete', { path: 'index.md' })
    expect(git(root, 'status', '--porcelain')).toBe(' D index.md\n')
    await call(handlers, 'trash.restore', { id: deleted.trash! })
    expect(git(root, 'status', '--porcelain')).toBe('')
  })

  it('never replaces a file that took the page’s place; the entry stays', async () => {
    const { root, handlers } = await site()
    const deleted = await call(handlers, 'pages.delete', { path: 'brouillon.md' })
    await writeFile(path.join(root, 'brouillon.md'), 'nouveau\n')
    expect(await dispatch(handlers, 'trash.restore', { id: deleted.trash! })).toMatchObject({
      ok: false,
      error: { code: 'already-exists' },
    })
    expect(await readFile(path.join(root, 'brouillon.md'), 'utf8')).toBe('nouveau\n')
    expect(await call(handlers, 'trash.list', {})).toHaveLength(1)
  })

  it('skips damaged and hostile entries, and refuses a path leaving the folder', async () => {
    const { root, dataDir, handlers } = await site()
    const deleted = await call(handlers, 'pages.delete', { path: 'brouillon.md' })
    const [folder] = await readdir(path.join(dataDir, 'trash'))
    const trash = path.join(dataDir, 'trash', folder!)
    const secret = path.join(path.dirname(root), 'secret.md')
    await writeFile(secret, 'SECRET\n')
    const meta = (p: string) =>
      JSON.stringify({
        workspace: root,
        path: p,
        title: 'x',
        deletedAt: '2026-01-01T00:00:00.000Z',
      })
    await writeFile(path.join(trash, '1-aaaaaaaaaaaa.json'), '{ half')
    await writeFile(path.join(trash, '1-aaaaaaaaaaaa.page'), 'x')
    await writeFile(path.join(trash, '2-bbbbbbbbbbbb.json'), meta('sans-page.md'))
    await writeFile(path.join(trash, '3-cccccccccccc.json'), meta('../secret.md'))
    await writeFile(path.join(trash, '3-cccccccccccc.page'), 'PIRATE\n')
    await writeFile(path.join(trash, '4-dddddddddddd.json'), meta('lien.md'))
    await symlink(secret, path.join(trash, '4-dddddddddddd.page'))
    await writeFile(path.join(trash, '5-eeeeeeeeeeee.json'), JSON.stringify({ path: 3 }))
    await writeFile(path.join(trash, '5-eeeeeeeeeeee.page'), 'x')

    const listed = await call(handlers, 'trash.list', {})
    expect(listed.map((entry) => entry.id)).toEqual([deleted.trash])
    expect(await dispatch(handlers, 'trash.restore', { id: '3-cccccccccccc' })).toMatchObject({
      ok: false,
      error: { code: 'outside-workspace' },
    })
    expect(await readFile(secret, 'utf8')).toBe('SECRET\n')
    for (const id of ['1-aaaaaaaaaaaa', '2-bbbbbbbbbbbb', '4-dddddddddddd', '5-eeeeeeeeeeee']) {
      expect(await dispatch(handlers, 'trash.restore', { id }), id).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      })
    }
    expect(await readdir(root)).not.toContain('lien.md')
    expect(await dispatch(handlers, 'trash.restore', { id: '../../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })

  const otherDisk = '/dev/shm'
  const crossDevice = existsSync(otherDisk) && statSync(otherDisk).dev !== statSync(tmpdir()).dev
  it.skipIf(!crossDevice)('moves a page to a data folder on another disk, and back', async () => {
    const { root, draft } = await site()
    const dataDir = await mkdtemp(path.join(otherDisk, 'atelier-trash-'))
    try {
      const workspace = await Workspace.open(root, { dataDir })
      const { trash } = await workspace.deletePage('brouillon.md')
      expect(existsSync(path.join(root, 'brouillon.md'))).toBe(false)
      expect(await workspace.restoreFromTrash(trash!)).toBe('brouillon.md')
      expect(await readFile(path.join(root, 'brouillon.md'))).toEqual(draft)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
