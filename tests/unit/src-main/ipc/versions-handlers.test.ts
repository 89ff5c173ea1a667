import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch as untypedDispatch } from '../../../../src-main/ipc/dispatch.js'
import type { HandlerTable } from '../../../../src-main/ipc/handler.js'
import type { CallOutput } from '../../../../src-shared/api/contract.js'
import type { CallName } from '../../../../src-shared/api/names.js'
import type { CallResult } from '../../../../src-shared/api/types.js'
import { git, nativePorcelain, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/** `dispatch` with the call's output type, for readable assertions. */
async function dispatch<K extends CallName>(
  handlers: HandlerTable,
  name: K,
  input: unknown,
): Promise<CallResult<CallOutput<K>>> {
  return (await untypedDispatch(handlers, name, input)) as CallResult<CallOutput<K>>
}

describe('versions calls', () => {
  it('start the history of a plain folder once the author is known', async () => {
    const root = path.join(await tempDir(), 'guide')
    await mkdir(root)
    await writeFiles(root, { 'index.md': '---\ntitle: Accueil\n---\n' })
    const { handlers } = await openSession(root)
    expect(await dispatch(handlers, 'versions.status', {})).toEqual({
      ok: true,
      value: { repository: false, branch: null, changes: [], merge: null, lock: null },
    })
    expect(await dispatch(handlers, 'versions.start', {})).toEqual({
      ok: false,
      error: { code: 'author-missing' },
    })
    const settings = await dispatch(handlers, 'settings.setAuthor', {
      name: ' Aminata ',
      email: 'aminata@example.org',
    })
    expect(settings.ok && settings.value.author).toEqual({
      name: 'Aminata',
      email: 'aminata@example.org',
    })
    const started = await dispatch(handlers, 'versions.start', {})
    expect(started.ok && started.value.repository).toBe(true)
    expect(git(root, 'log', '--format=%an|%s')).toBe('Aminata|Première version du guide\n')
  })

  it('speak in workspace paths when the workspace is a folder inside the repository', async () => {
    const repo = await nativeRepository({ 'site/_cas/a.md': 'a\n', 'outils/x.sh': 'x\n' })
    await writeFiles(repo, { 'site/_cas/a.md': 'a modifié\n', 'outils/x.sh': 'y\n' })
    const { handlers, session } = await openSession(path.join(repo, 'site'))
    await session.settings.setAuthor({ name: 'Ousmane', email: 'o@example.org' })
    const status = await dispatch(handlers, 'versions.status', {})
    expect(status.ok && status.value.changes).toEqual([{ path: '_cas/a.md', kind: 'modified' }])
    const history = await dispatch(handlers, 'versions.history', { path: '_cas/a.md' })
    expect(history.ok && history.value.map((v) => v.message)).toEqual(['Première version'])
    expect(
      (await dispatch(handlers, 'versions.commit', { message: 'Cas A', paths: ['_cas/a.md'] })).ok,
    ).toBe(true)
    expect(nativePorcelain(repo)).toBe(' M outils/x.sh\n')
    const first = git(repo, 'rev-parse', 'HEAD~1').trim()
    const compare = await dispatch(handlers, 'versions.compare', { path: '_cas/a.md', from: first })
    if (!compare.ok) throw new Error(JSON.stringify(compare))
    expect(compare.ok && compare.value.body.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'a' },
      { kind: 'added', text: 'a modifié' },
    ])
  })

  it('compare a renamed page with its old name at the earlier version (fromPath)', async () => {
    const repo = await nativeRepository({ '_cas/ancien.md': 'un\ndeux\ntrois\n' })
    git(repo, 'mv', '_cas/ancien.md', '_cas/nouveau.md')
    await writeFiles(repo, { '_cas/nouveau.md': 'un\ndeux modifié\ntrois\n' })
    git(repo, 'add', '-A')
    git(repo, 'commit', '-qm', 'Renommée')
    const { handlers } = await openSession(repo)
    const from = git(repo, 'rev-parse', 'HEAD~1').trim()
    const to = git(repo, 'rev-parse', 'HEAD').trim()
    const compare = await dispatch(handlers, 'versions.compare', {
      path: '_cas/nouveau.md',
      fromPath: '_cas/ancien.md',
      from,
      to,
    })
    if (!compare.ok) throw new Error(JSON.stringify(compare))
    expect(compare.value.body.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'deux' },
      { kind: 'added', text: 'deux modifié' },
    ])
  })

  it('refuse a malformed resolution and an empty message', async () => {
    const repo = await nativeRepository({ 'a.md': 'a\n' })
    const { handlers } = await openSession(repo)
    expect(
      await dispatch(handlers, 'versions.resolve', { path: 'a.md', choice: 'both' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'versions.commit', { message: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })
})
